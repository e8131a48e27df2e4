package io.face4j.liveness.temporal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

import io.face4j.geometry.Landmarks;
import io.face4j.liveness.LivenessEvidence;

/**
 * Multi-frame liveness of one face (one track) from its five landmarks: motion parallax. Over the last
 * {@link TemporalOptions#windowSeconds()} every pair of frames is compared ({@link MotionParallax}): the planar
 * residual says how far the landmarks are from moving as one plane, the motion how much they moved apart from
 * translation. The decision takes the 75th percentile of the residuals (a head that turns during part of the window
 * still gives parallax in a quarter of the pairs, while one mislocated frame spoils only 2/n of them) and the 90th
 * percentile of the motion:
 * <ul>
 *   <li>fewer than {@code minFrames} frames, or a face under {@code minInterocular} pixels: UNDECIDED;</li>
 *   <li>residual &gt;= threshold: LIVE;</li>
 *   <li>residual below {@code spoofThreshold} after at least {@code minMotion} of motion: SPOOF (it moved like a plane);</li>
 *   <li>otherwise UNDECIDED (too still to tell, or a residual between the two thresholds: ask the person to turn
 *   their head, see {@link ChallengeSession}).</li>
 * </ul>
 * The score is {@code residual / (residual + threshold)}: 0.5 at the threshold. Pure arithmetic, no images.
 * Not thread-safe: one instance per track.
 */
public final class TemporalLiveness {
    public static final String RESIDUAL = "planarResidual";
    public static final String MOTION = "motion";
    public static final String FRAMES = "frames";
    public static final String INTEROCULAR = "interocular";

    private record Sample(long micros, Landmarks landmarks) {
    }

    private final TemporalOptions options;
    private final Deque<Sample> samples = new ArrayDeque<>();
    private TemporalResult cached;

    public TemporalLiveness(TemporalOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        this.options = options;
    }

    public TemporalLiveness() {
        this(TemporalOptions.defaults());
    }

    public TemporalOptions options() {
        return options;
    }

    /** Adds the landmarks seen at {@code micros} (non-decreasing); drops samples older than the window. */
    public void add(long micros, Landmarks landmarks) {
        if (landmarks == null) {
            throw new IllegalArgumentException("landmarks must not be null");
        }
        if (!samples.isEmpty() && micros < samples.peekLast().micros()) {
            throw new IllegalArgumentException("micros must not decrease: " + micros + " after " + samples.peekLast().micros());
        }
        samples.addLast(new Sample(micros, landmarks));
        long oldest = micros - Math.round(options.windowSeconds() * 1e6);
        while (samples.peekFirst().micros() < oldest) {
            samples.removeFirst();
        }
        cached = null;
    }

    /** Forgets every sample. */
    public void reset() {
        samples.clear();
        cached = null;
    }

    public int frames() {
        return samples.size();
    }

    /** The decision over the current window (cached until the next {@link #add}). */
    public TemporalResult result() {
        if (cached == null) {
            cached = decide();
        }
        return cached;
    }

    private TemporalResult decide() {
        int n = samples.size();
        List<LivenessEvidence> evidence = new ArrayList<>();
        evidence.add(new LivenessEvidence(FRAMES, n, "landmark sets in the last " + options.windowSeconds() + " s"));
        if (n < options.minFrames()) {
            return TemporalResult.undecided(options.threshold(), n,
                    "collecting frames (" + n + " of " + options.minFrames() + ")", evidence);
        }
        Sample[] s = samples.toArray(new Sample[0]);
        double[] iods = new double[n];
        for (int i = 0; i < n; i++) {
            iods[i] = s[i].landmarks().interocularDistance();
        }
        double iod = percentile(iods, 50);
        evidence.add(new LivenessEvidence(INTEROCULAR, iod, "median inter-ocular distance, pixels"));
        if (iod < options.minInterocular()) {
            return TemporalResult.undecided(options.threshold(), n, String.format(Locale.ROOT,
                    "face too small (%.0f px between the eyes, need %.0f)", iod, options.minInterocular()), evidence);
        }
        // all pairs, or every k-th frame when that would exceed maxPairs
        int stride = 1;
        while ((long) ((n + stride - 1) / stride) * ((n + stride - 1) / stride - 1) / 2 > options.maxPairs()) {
            stride++;
        }
        List<Double> residuals = new ArrayList<>();
        List<Double> motions = new ArrayList<>();
        for (int i = 0; i < n; i += stride) {
            for (int j = i + stride; j < n; j += stride) {
                MotionParallax.Pair p = MotionParallax.measure(s[i].landmarks(), s[j].landmarks());
                if (!Double.isNaN(p.residual())) {
                    residuals.add(p.residual());
                    motions.add(p.motion());
                }
            }
        }
        if (residuals.isEmpty()) {
            return TemporalResult.undecided(options.threshold(), n, "landmarks degenerate", evidence);
        }
        double residual = percentile(residuals.stream().mapToDouble(Double::doubleValue).toArray(), 75);
        double motion = percentile(motions.stream().mapToDouble(Double::doubleValue).toArray(), 90);
        evidence.add(new LivenessEvidence(RESIDUAL, residual,
                "75th percentile over frame pairs of the homography residual, inter-ocular distances"));
        evidence.add(new LivenessEvidence(MOTION, motion,
                "90th percentile over frame pairs of landmark motion beyond translation, inter-ocular distances"));
        double score = residual / (residual + options.threshold());
        if (residual >= options.threshold()) {
            return new TemporalResult(LivenessState.LIVE, score, options.threshold(), n, String.format(Locale.ROOT,
                    "landmarks move off a plane (residual %.3f >= %.3f)", residual, options.threshold()), evidence);
        }
        if (motion < options.minMotion()) {
            return new TemporalResult(LivenessState.UNDECIDED, score, options.threshold(), n, String.format(Locale.ROOT,
                    "too little motion to tell (%.3f < %.3f): turn your head", motion, options.minMotion()), evidence);
        }
        if (residual < options.spoofThreshold()) {
            return new TemporalResult(LivenessState.SPOOF, score, options.threshold(), n, String.format(Locale.ROOT,
                    "moved like a flat picture (residual %.3f < %.3f after motion %.3f)", residual, options.spoofThreshold(), motion),
                    evidence);
        }
        return new TemporalResult(LivenessState.UNDECIDED, score, options.threshold(), n, String.format(Locale.ROOT,
                "not clearly live or flat yet (residual %.3f between %.3f and %.3f): turn your head", residual,
                options.spoofThreshold(), options.threshold()), evidence);
    }

    /** Linear-interpolated percentile (as numpy's default) of {@code values}; sorts a copy. */
    static double percentile(double[] values, double p) {
        double[] v = values.clone();
        Arrays.sort(v);
        double rank = p / 100 * (v.length - 1);
        int lo = (int) Math.floor(rank);
        int hi = Math.min(v.length - 1, lo + 1);
        return v[lo] + (rank - lo) * (v[hi] - v[lo]);
    }
}
