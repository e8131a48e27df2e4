package io.face4j.cli;

import java.util.Optional;

import io.face4j.quality.EnrolmentQuality;
import io.face4j.quality.FaceQuality;
import picocli.CommandLine.Option;

/**
 * The enrolment quality options of the command line, turned into {@link EnrolmentQuality} rules (where the defaults
 * and their measurements live; README "Enrolment quality").
 */
final class QualityGate {
    @Option(names = "--min-eye-distance", paramLabel = "PX", defaultValue = "" + EnrolmentQuality.DEFAULT_MIN_EYE_DISTANCE,
            description = "reject faces whose eyes are closer than this many pixels (default: ${DEFAULT-VALUE})")
    double minEyeDistance = EnrolmentQuality.DEFAULT_MIN_EYE_DISTANCE;

    @Option(names = "--min-sharpness", paramLabel = "VALUE", defaultValue = "" + EnrolmentQuality.DEFAULT_MIN_SHARPNESS,
            description = "reject faces whose Laplacian variance (64x64 face, luma^2) is below this (default: ${DEFAULT-VALUE})")
    double minSharpness = EnrolmentQuality.DEFAULT_MIN_SHARPNESS;

    @Option(names = "--brightness", paramLabel = "MIN:MAX", defaultValue = DEFAULT_BRIGHTNESS,
            description = "accepted mean luma of the face, 0..255 (default: ${DEFAULT-VALUE})")
    String brightness = DEFAULT_BRIGHTNESS;

    static final String DEFAULT_BRIGHTNESS = "40:230";

    /** The reason the face is not fit to enrol, or empty when it passes. */
    Optional<String> reject(FaceQuality q) {
        return rules().reject(q);
    }

    /** The short reason key for summaries ("too small", "too blurry", ...). */
    static String category(String reason) {
        return EnrolmentQuality.category(reason);
    }

    EnrolmentQuality rules() {
        double[] range = brightnessRange();
        if (!(minEyeDistance >= 0) || !(minSharpness >= 0)) {
            throw new UsageException("--min-eye-distance and --min-sharpness must be >= 0");
        }
        return new EnrolmentQuality(minEyeDistance, minSharpness, range[0], range[1]);
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
        rules();
    }
}
