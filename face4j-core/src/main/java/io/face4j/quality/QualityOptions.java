package io.face4j.quality;

/**
 * Settings of a {@link QualityEstimator}. Immutable and thread-safe.
 *
 * @param regionSize side in pixels of the square the face box is resized to before sharpness, brightness and contrast
 *                   are measured, so that the figures are comparable across face sizes
 */
public record QualityOptions(int regionSize) {

    /** 64 px: about the inter-ocular scale at which MTCNN's smallest useful faces are seen, cheap to compute. */
    public static final int DEFAULT_REGION_SIZE = 64;

    public QualityOptions {
        if (regionSize < 8 || regionSize > 1024) {
            throw new IllegalArgumentException("regionSize must be in [8, 1024], got " + regionSize);
        }
    }

    public static QualityOptions defaults() {
        return new QualityOptions(DEFAULT_REGION_SIZE);
    }

    public QualityOptions withRegionSize(int value) {
        return new QualityOptions(value);
    }
}
