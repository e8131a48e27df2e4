package io.face4j.cli;

import io.face4j.quality.QualityBar;
import picocli.CommandLine.Option;

/**
 * The quality bar options of the command line, laid over a preset {@link QualityBar} (where the defaults and their
 * measurements live; README "Face quality and multi-template galleries"): {@code enroll} starts from
 * {@link QualityBar#enrolment()}, {@code recognize} from {@link QualityBar#recognition()}, {@code capture} from its
 * camera bar (eyes 25 px, sharpness 20, luma 40..220, yaw 25). An option not given keeps the preset's value.
 */
final class QualityGate {
    @Option(names = "--min-eye-distance", paramLabel = "PX",
            description = "too_small below this eye distance in pixels (default: enrol " + QualityBar.DEFAULT_MIN_EYE_DISTANCE
                    + ", recognize " + QualityBar.DEFAULT_MIN_EYE_DISTANCE + ")")
    Double minEyeDistance;

    @Option(names = "--min-sharpness", paramLabel = "VALUE",
            description = "blurry below this Laplacian variance of the 64x64 face, luma^2 (default: enrol "
                    + QualityBar.DEFAULT_MIN_SHARPNESS + ", recognize " + QualityBar.RECOGNITION_MIN_SHARPNESS + ")")
    Double minSharpness;

    @Option(names = "--brightness", paramLabel = "MIN:MAX",
            description = "too_dark / overexposed outside this mean luma of the face, 0..255 (default: enrol "
                    + QualityBar.DEFAULT_MIN_BRIGHTNESS + ":" + QualityBar.DEFAULT_MAX_BRIGHTNESS + ", recognize "
                    + QualityBar.RECOGNITION_MIN_BRIGHTNESS + ":" + QualityBar.RECOGNITION_MAX_BRIGHTNESS + ")")
    String brightness;

    @Option(names = "--max-yaw", paramLabel = "DEGREES",
            description = "turned_away beyond this head yaw from the landmarks (default: " + QualityBar.DEFAULT_MAX_YAW + ")")
    Double maxYaw;

    @Option(names = "--min-visible", paramLabel = "FRACTION",
            description = "partial below this fraction of the face box inside the image (default: enrol "
                    + QualityBar.DEFAULT_MIN_VISIBLE + ", recognize " + QualityBar.RECOGNITION_MIN_VISIBLE + ")")
    Double minVisible;

    @Option(names = "--no-quality-gate", description = "accept every face whatever its quality")
    boolean off;

    /** The bar: {@code preset} with the options given; a bad value is a usage error naming the option. */
    QualityBar bar(QualityBar preset) {
        if (off) {
            return QualityBar.none();
        }
        QualityBar bar = preset;
        if (minEyeDistance != null) {
            bar = bar.withMinEyeDistance(nonNegative(minEyeDistance, "--min-eye-distance"));
        }
        if (minSharpness != null) {
            bar = bar.withMinSharpness(nonNegative(minSharpness, "--min-sharpness"));
        }
        if (brightness != null) {
            double[] range = brightnessRange();
            bar = bar.withBrightness(range[0], range[1]);
        }
        if (maxYaw != null) {
            if (!(maxYaw > 0 && maxYaw <= 90)) {
                throw new UsageException("--max-yaw must be in (0, 90], got " + maxYaw);
            }
            bar = bar.withMaxYawDegrees(maxYaw);
        }
        if (minVisible != null) {
            if (!(minVisible >= 0 && minVisible <= 1)) {
                throw new UsageException("--min-visible must be in [0, 1], got " + minVisible);
            }
            bar = bar.withMinVisibleFraction(minVisible);
        }
        return bar;
    }

    private static double nonNegative(double value, String option) {
        if (!(value >= 0)) {
            throw new UsageException(option + " must be >= 0, got " + value);
        }
        return value;
    }

    private double[] brightnessRange() {
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
}
