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
 * @param onlyWhenMissed detect on the enhanced copy only when the dark frame as it is gave no face (true), or detect
 *                       every dark frame on the enhanced copy (false)
 */
public record IlluminationOptions(Illumination crop, Illumination darkDetection, double darkLuma, boolean alignEnhanced,
                                  boolean onlyWhenMissed) {
    /**
     * Mean luma below which a frame counts as dark: 40 of 255. The 219 undegraded dev-lfw photos have mean luma
     * 25.8..212.3 (average 116.7; 4 of them are below 40); after {@code dark:gamma=2.5,gain=0.35,noise=8} they have
     * 5.0..67.8 (average 24.8). The two ranges overlap, so no threshold separates them; 40 leaves a few dim originals
     * enhanced (they are dark) and a few darkened photos with bright backgrounds as they are.
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
        return new IlluminationOptions(Illumination.NONE, Illumination.NONE, DEFAULT_DARK_LUMA, false, false);
    }

    /**
     * The measured default (README, "Low light"): a dark frame in which no face is found as it is gets a second
     * detection on a gamma-corrected copy; crops are cut from the frame as it is and not normalised. On dev-lfw
     * darkened with {@code dark:gamma=2.5,gain=0.35,noise=8} this finds all 6 faces the plain pipeline loses and
     * changes nothing where the plain pipeline finds a face. Every crop normalisation measured cost accuracy somewhere
     * (CLAHE and retinex 1.2 points on undegraded glint-celeb24, gamma 4 points on dark glint), so none is on by default.
     */
    public static IlluminationOptions defaults() {
        return none().withDarkDetection(Illumination.GAMMA).withOnlyWhenMissed(true);
    }

    public IlluminationOptions withCrop(Illumination value) {
        return new IlluminationOptions(value, darkDetection, darkLuma, alignEnhanced, onlyWhenMissed);
    }

    public IlluminationOptions withDarkDetection(Illumination value) {
        return new IlluminationOptions(crop, value, darkLuma, alignEnhanced, onlyWhenMissed);
    }

    public IlluminationOptions withDarkLuma(double value) {
        return new IlluminationOptions(crop, darkDetection, value, alignEnhanced, onlyWhenMissed);
    }

    public IlluminationOptions withAlignEnhanced(boolean value) {
        return new IlluminationOptions(crop, darkDetection, darkLuma, value, onlyWhenMissed);
    }

    public IlluminationOptions withOnlyWhenMissed(boolean value) {
        return new IlluminationOptions(crop, darkDetection, darkLuma, alignEnhanced, value);
    }

    /** Whether {@code frame}'s mean luma is below {@link #darkLuma}. */
    public boolean isDark(RgbImage frame) {
        return Luma.mean(frame, 0, 0, frame.width(), frame.height()) < darkLuma;
    }

    /** The crop as the embedder should see it. */
    public RgbImage normaliseCrop(RgbImage aligned) {
        return crop.forAlignedFace().apply(aligned);
    }
}
