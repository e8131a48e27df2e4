package io.face4j.quality;

import java.util.Locale;
import java.util.Optional;

/**
 * Rules a face must pass to be enrolled: not too small, not too dark or bright, not blurry; {@link #reject} says
 * which rule failed and by how much. Immutable; thread-safe.
 *
 * @param minEyeDistance minimum inter-ocular distance in source pixels
 * @param minSharpness   minimum Laplacian variance of the 64x64 face (see {@link FaceQuality#sharpness()})
 * @param minBrightness  minimum mean luma of the face, 0..255
 * @param maxBrightness  maximum mean luma of the face, 0..255
 */
public record EnrolmentQuality(double minEyeDistance, double minSharpness, double minBrightness, double maxBrightness) {
    // Measured on the largest face of each of the 399 photos with a face in five-celebrity-faces (train, val),
    // dev-lfw and deepface-tests (./face4j detect --json): eye distance min 9.9 px, 1st percentile 11.0, median 51;
    // sharpness min 80, 1st percentile 108, median 769; brightness min 76, 1st percentile 84, 99th 190, max 207.
    // Each default sits below (or outside) everything measured, so every photo of these sets passes and only faces
    // clearly worse than any of them are refused.

    /** 8 px: below the smallest measured (9.9 px); at 8 px the 112x112 aligned crop is an upscale of over 5x. */
    public static final double DEFAULT_MIN_EYE_DISTANCE = 8;
    /**
     * 40: half the lowest measured sharpness (80); the CLI's error tests check that a photo blurred by three passes of
     * a 9x9 box filter falls below it. Checked after brightness: a dark face has little contrast, hence a low
     * Laplacian variance, whatever its focus.
     */
    public static final double DEFAULT_MIN_SHARPNESS = 40;
    /** 40..230: the measured faces span 76..207; a face darker than 40 of 255 is underexposed beyond recovery. */
    public static final double DEFAULT_MIN_BRIGHTNESS = 40;
    public static final double DEFAULT_MAX_BRIGHTNESS = 230;

    public EnrolmentQuality {
        if (!(minEyeDistance >= 0) || !(minSharpness >= 0)) {
            throw new IllegalArgumentException("minEyeDistance and minSharpness must be >= 0, got "
                    + minEyeDistance + " and " + minSharpness);
        }
        if (!(minBrightness >= 0 && maxBrightness <= 255 && minBrightness < maxBrightness)) {
            throw new IllegalArgumentException("brightness range must satisfy 0 <= min < max <= 255, got "
                    + minBrightness + ".." + maxBrightness);
        }
    }

    public static EnrolmentQuality defaults() {
        return new EnrolmentQuality(DEFAULT_MIN_EYE_DISTANCE, DEFAULT_MIN_SHARPNESS, DEFAULT_MIN_BRIGHTNESS,
                DEFAULT_MAX_BRIGHTNESS);
    }

    /** The reason the face is not fit to enrol ("too small (eyes 6.2 px apart, minimum 8)"), or empty when it passes. */
    public Optional<String> reject(FaceQuality q) {
        if (q.interOcularPx() < minEyeDistance) {
            return Optional.of(String.format(Locale.ROOT, "too small (eyes %.1f px apart, minimum %.0f)", q.interOcularPx(), minEyeDistance));
        }
        if (q.brightness() < minBrightness) {
            return Optional.of(String.format(Locale.ROOT, "too dark (brightness %.0f, minimum %.0f)", q.brightness(), minBrightness));
        }
        if (q.brightness() > maxBrightness) {
            return Optional.of(String.format(Locale.ROOT, "too bright (brightness %.0f, maximum %.0f)", q.brightness(), maxBrightness));
        }
        if (q.sharpness() < minSharpness) {
            return Optional.of(String.format(Locale.ROOT, "too blurry (sharpness %.1f, minimum %.0f)", q.sharpness(), minSharpness));
        }
        return Optional.empty();
    }

    /** The short key of a {@link #reject} reason, for summaries: "too small", "too blurry", ... */
    public static String category(String reason) {
        int paren = reason.indexOf(" (");
        return paren > 0 ? reason.substring(0, paren) : reason;
    }
}
