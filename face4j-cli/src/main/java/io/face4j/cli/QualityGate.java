package io.face4j.cli;

import java.util.Locale;
import java.util.Optional;

import io.face4j.quality.FaceQuality;
import picocli.CommandLine.Option;

/**
 * Rejects enrolment faces that are too small, blurry, dark or washed out, with the reason. The defaults sit below
 * what good photos measure, so ordinary portraits pass: measured with {@code ./face4j detect --json} on the primary
 * face of every image of five-celebrity-faces, dev-lfw and deepface-tests (see README "Enrolment quality").
 */
final class QualityGate {
    @Option(names = "--min-eye-distance", paramLabel = "PX", defaultValue = "" + DEFAULT_MIN_EYE_DISTANCE,
            description = "reject faces whose eyes are closer than this many pixels (default: ${DEFAULT-VALUE})")
    double minEyeDistance = DEFAULT_MIN_EYE_DISTANCE;

    @Option(names = "--min-sharpness", paramLabel = "VALUE", defaultValue = "" + DEFAULT_MIN_SHARPNESS,
            description = "reject faces whose Laplacian variance (64x64 face, luma^2) is below this (default: ${DEFAULT-VALUE})")
    double minSharpness = DEFAULT_MIN_SHARPNESS;

    @Option(names = "--brightness", paramLabel = "MIN:MAX", defaultValue = DEFAULT_BRIGHTNESS,
            description = "accepted mean luma of the face, 0..255 (default: ${DEFAULT-VALUE})")
    String brightness = DEFAULT_BRIGHTNESS;

    // Measured on the largest face of each of the 399 photos with a face in five-celebrity-faces (train, val),
    // dev-lfw and deepface-tests (./face4j detect --json): eye distance min 9.9 px, 1st percentile 11.0, median 51;
    // sharpness min 80, 1st percentile 108, median 769; brightness min 76, 1st percentile 84, 99th 190, max 207.
    // Each default sits below (or outside) everything measured, so every photo of these sets passes and only faces
    // clearly worse than any of them are refused.

    /** 8 px: below the smallest measured (9.9 px); at 8 px the 112x112 aligned crop is an upscale of over 5x. */
    static final double DEFAULT_MIN_EYE_DISTANCE = 8;
    /** 40: half the lowest measured sharpness (80); CliErrorsTest checks that a photo blurred by three passes of a 9x9 box filter falls below it.
     * Checked after brightness: a dark face has little contrast, hence a low Laplacian variance, whatever its focus. */
    static final double DEFAULT_MIN_SHARPNESS = 40;
    /** 40..230: the measured faces span 76..207; a face darker than 40 of 255 is underexposed beyond recovery. */
    static final String DEFAULT_BRIGHTNESS = "40:230";

    /** The reason the face is not fit to enrol, or empty when it passes. */
    Optional<String> reject(FaceQuality q) {
        double[] range = brightnessRange();
        if (q.interOcularPx() < minEyeDistance) {
            return Optional.of(String.format(Locale.ROOT, "too small (eyes %.1f px apart, minimum %.0f)", q.interOcularPx(), minEyeDistance));
        }
        if (q.brightness() < range[0]) {
            return Optional.of(String.format(Locale.ROOT, "too dark (brightness %.0f, minimum %.0f)", q.brightness(), range[0]));
        }
        if (q.brightness() > range[1]) {
            return Optional.of(String.format(Locale.ROOT, "too bright (brightness %.0f, maximum %.0f)", q.brightness(), range[1]));
        }
        if (q.sharpness() < minSharpness) {
            return Optional.of(String.format(Locale.ROOT, "too blurry (sharpness %.1f, minimum %.0f)", q.sharpness(), minSharpness));
        }
        return Optional.empty();
    }

    /** The short reason key for summaries ("too small", "too blurry", ...). */
    static String category(String reason) {
        int paren = reason.indexOf(" (");
        return paren > 0 ? reason.substring(0, paren) : reason;
    }

    double[] brightnessRange() {
        String[] parts = brightness.split(":");
        try {
            if (parts.length == 2) {
                double lo = Double.parseDouble(parts[0]);
                double hi = Double.parseDouble(parts[1]);
                if (lo >= 0 && hi <= 255 && lo < hi) {
                    return new double[] {lo, hi};
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--brightness must be MIN:MAX with 0 <= MIN < MAX <= 255, got " + brightness);
    }

    void validate() {
        if (!(minEyeDistance >= 0) || !(minSharpness >= 0)) {
            throw new UsageException("--min-eye-distance and --min-sharpness must be >= 0");
        }
        brightnessRange();
    }
}
