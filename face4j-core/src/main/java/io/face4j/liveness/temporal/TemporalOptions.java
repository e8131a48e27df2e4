package io.face4j.liveness.temporal;

/**
 * How {@link TemporalLiveness} decides. Immutable; change a value with a wither.
 *
 * @param windowSeconds   only landmarks from this many seconds before the latest frame count
 * @param minFrames       fewer landmark sets than this in the window: {@link LivenessState#UNDECIDED}
 * @param minInterocular  faces whose median inter-ocular distance is below this many pixels are too small for
 *                        landmark parallax (detector jitter of a pixel is then several percent): UNDECIDED
 * @param threshold       planar residual (75th percentile over frame pairs, in inter-ocular distances) at and above
 *                        which the face is LIVE
 * @param spoofThreshold  planar residual below which the face is a SPOOF (given enough motion); between the two it
 *                        stays UNDECIDED, so a real head that moves without turning much is not called a photo
 * @param minMotion       non-translational landmark motion (90th percentile over frame pairs, inter-ocular
 *                        distances) the face must show before a residual below spoofThreshold means SPOOF
 * @param maxPairs        frame pairs evaluated per decision at most (the window is subsampled evenly beyond that)
 */
public record TemporalOptions(double windowSeconds, int minFrames, double minInterocular, double threshold,
                              double spoofThreshold, double minMotion, int maxPairs) {
    public TemporalOptions {
        if (!(windowSeconds > 0) || Double.isInfinite(windowSeconds)) {
            throw new IllegalArgumentException("windowSeconds must be finite and > 0, got " + windowSeconds);
        }
        if (minFrames < 3) {
            throw new IllegalArgumentException("minFrames must be >= 3, got " + minFrames);
        }
        if (!(minInterocular >= 0) || Double.isInfinite(minInterocular)) {
            throw new IllegalArgumentException("minInterocular must be finite and >= 0, got " + minInterocular);
        }
        if (!(threshold > 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("threshold must be finite and > 0, got " + threshold);
        }
        if (!(spoofThreshold > 0 && spoofThreshold <= threshold)) {
            throw new IllegalArgumentException("spoofThreshold must be in (0, threshold = " + threshold + "], got " + spoofThreshold);
        }
        if (!(minMotion >= 0) || Double.isInfinite(minMotion)) {
            throw new IllegalArgumentException("minMotion must be finite and >= 0, got " + minMotion);
        }
        if (maxPairs < 1) {
            throw new IllegalArgumentException("maxPairs must be >= 1, got " + maxPairs);
        }
    }

    /**
     * Window 1.5 s, at least 8 landmark sets (0.8 s when a video detects every 3rd frame at 30 fps), faces from 20 px
     * between the eyes (the Hamilton stage shots have 30-40 px), 300 pairs, and thresholds calibrated like a
     * recognition threshold at a target attack acceptance ({@code PlanarCalibration} in the core tests): 60 planar
     * clips (2 s, 10 landmark sets a second, MTCNN) of the five-celebrity-faces training photos, seeds 1000-1059.
     * <ul>
     *   <li>threshold 0.037: the 95th percentile (0.0367) of each clip's highest residual, so about 5% of such
     *   printed-photo attacks are ever accepted as live (3 of the 60: 0.047, 0.048, 0.064);</li>
     *   <li>spoofThreshold 0.03 (0.8 of it, rounded): 55 of those 60 clips end as SPOOF, 2 stay undecided; a real head
     *   whose residual sits just under the live bar is left undecided rather than called a photo;</li>
     *   <li>minMotion 0.05: the least motion of a calibration clip's window was about 0.045 (most move 0.1-0.25);
     *   a face held still shows less and stays undecided.</li>
     * </ul>
     */
    public static TemporalOptions defaults() {
        return new TemporalOptions(1.5, 8, 20, DEFAULT_THRESHOLD, DEFAULT_SPOOF_THRESHOLD, DEFAULT_MIN_MOTION, 300);
    }

    /** LIVE at and above this planar residual: see {@link #defaults()}. */
    public static final double DEFAULT_THRESHOLD = 0.037;
    /** SPOOF below this: see {@link #defaults()}. */
    public static final double DEFAULT_SPOOF_THRESHOLD = 0.03;
    /** Minimum motion for a SPOOF decision: see {@link #defaults()}. */
    public static final double DEFAULT_MIN_MOTION = 0.05;

    public TemporalOptions withWindowSeconds(double value) {
        return new TemporalOptions(value, minFrames, minInterocular, threshold, spoofThreshold, minMotion, maxPairs);
    }

    public TemporalOptions withMinFrames(int value) {
        return new TemporalOptions(windowSeconds, value, minInterocular, threshold, spoofThreshold, minMotion, maxPairs);
    }

    public TemporalOptions withMinInterocular(double value) {
        return new TemporalOptions(windowSeconds, minFrames, value, threshold, spoofThreshold, minMotion, maxPairs);
    }

    /** The LIVE threshold; the SPOOF threshold keeps its ratio to it. */
    public TemporalOptions withThreshold(double value) {
        return new TemporalOptions(windowSeconds, minFrames, minInterocular, value, spoofThreshold * value / threshold, minMotion, maxPairs);
    }

    public TemporalOptions withSpoofThreshold(double value) {
        return new TemporalOptions(windowSeconds, minFrames, minInterocular, threshold, value, minMotion, maxPairs);
    }

    public TemporalOptions withMinMotion(double value) {
        return new TemporalOptions(windowSeconds, minFrames, minInterocular, threshold, spoofThreshold, value, maxPairs);
    }
}
