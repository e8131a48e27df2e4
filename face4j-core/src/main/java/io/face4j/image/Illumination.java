package io.face4j.image;

import java.util.Locale;

/** A lighting normalisation: none, {@link ExposureCorrection}, {@link Clahe} or {@link Retinex}. */
public enum Illumination {
    NONE, GAMMA, CLAHE, RETINEX;

    /** The enhancer for 112 px aligned face crops (statistics from the face region, 4 x 4 CLAHE grid). */
    public ImageEnhancer forAlignedFace() {
        return switch (this) {
            case NONE -> ImageEnhancer.NONE;
            case GAMMA -> ExposureCorrection.forAlignedFace();
            case CLAHE -> Clahe.forAlignedFace();
            case RETINEX -> Retinex.defaults();
        };
    }

    /** The enhancer for whole frames (statistics from the whole frame, 8 x 8 CLAHE grid). */
    public ImageEnhancer forFrame() {
        return switch (this) {
            case NONE -> ImageEnhancer.NONE;
            case GAMMA -> ExposureCorrection.forFrame();
            case CLAHE -> Clahe.forFrame();
            case RETINEX -> Retinex.defaults();
        };
    }

    /** The lower-case name used on command lines. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses none, gamma, clahe or retinex (any case); IllegalArgumentException naming the value otherwise. */
    public static Illumination parse(String name) {
        if (name != null) {
            for (Illumination i : values()) {
                if (i.label().equalsIgnoreCase(name.trim())) {
                    return i;
                }
            }
        }
        throw new IllegalArgumentException("unknown illumination mode '" + name + "' (expected none, gamma, clahe or retinex)");
    }
}
