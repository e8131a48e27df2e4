package io.face4j.image;

/**
 * How a face pipeline handles lighting. Immutable and thread-safe.
 *
 * @param crop           normalisation of every aligned crop before it is embedded
 * @param darkDetection  enhancement of a dark frame before detection (NONE: detect on the frame as it is); boxes and
 *                       landmarks stay in source pixels, since enhancement keeps the pixel grid
 * @param darkLuma       a frame whose mean luma (0..255) is below this is dark
 * @param alignEnhanced  when a dark frame was enhanced for detection, cut the aligned crops from the enhanced copy
 *                       (true) or from the frame as it is (false); {@code crop} applies either way
 */
public record IlluminationOptions(Illumination crop, Illumination darkDetection, double darkLuma, boolean alignEnhanced) {
    /**
     * Mean luma below which a frame counts as dark: 40 of 255. Undegraded dev-lfw photos have mean luma 48..203
     * (mean 112); the same photos after {@code dark:gamma=2.5,gain=0.35,noise=8} have 4..60 (mean 17).
     */
    public static final double DEFAULT_DARK_LUMA = 40;

    public IlluminationOptions {
        if (crop == null || darkDetection == null) {
            throw new IllegalArgumentException("crop and darkDetection must not be null (use Illumination.NONE)");
        }
        if (!(darkLuma >= 0 && darkLuma <= 255)) {
            throw new IllegalArgumentException("darkLuma must be in [0, 255], got " + darkLuma);
        }
    }

    /** No lighting handling at all: the pipeline as it was before this option existed. */
    public static IlluminationOptions none() {
        return new IlluminationOptions(Illumination.NONE, Illumination.NONE, DEFAULT_DARK_LUMA, false);
    }

    /** The measured default (README, "Low light"). */
    public static IlluminationOptions defaults() {
        return none();
    }

    public IlluminationOptions withCrop(Illumination value) {
        return new IlluminationOptions(value, darkDetection, darkLuma, alignEnhanced);
    }

    public IlluminationOptions withDarkDetection(Illumination value) {
        return new IlluminationOptions(crop, value, darkLuma, alignEnhanced);
    }

    public IlluminationOptions withDarkLuma(double value) {
        return new IlluminationOptions(crop, darkDetection, value, alignEnhanced);
    }

    public IlluminationOptions withAlignEnhanced(boolean value) {
        return new IlluminationOptions(crop, darkDetection, darkLuma, value);
    }

    /** Whether {@code frame}'s mean luma is below {@link #darkLuma}. */
    public boolean isDark(RgbImage frame) {
        return Luma.mean(frame, 0, 0, frame.width(), frame.height()) < darkLuma;
    }

    /** The image to run the detector on: an enhanced copy when dark detection is on and the frame is dark, else the frame. */
    public RgbImage detectionInput(RgbImage frame) {
        if (darkDetection == Illumination.NONE || !isDark(frame)) {
            return frame;
        }
        return darkDetection.forFrame().apply(frame);
    }

    /** The crop as the embedder should see it. */
    public RgbImage normaliseCrop(RgbImage aligned) {
        return crop.forAlignedFace().apply(aligned);
    }
}
