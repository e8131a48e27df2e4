package io.face4j.cli;

import io.face4j.liveness.LivenessDetector;
import io.face4j.liveness.LivenessOptions;
import picocli.CommandLine.Option;

/** {@code --liveness} and {@code --liveness-threshold} of detect and recognize. */
final class LivenessOption {
    @Option(names = "--liveness", description = "also check each face for liveness (passive, one image): adds a 'liveness' "
            + "object {score, live, threshold, evidence} to --json output and 'live|spoof,SCORE' columns to text output")
    boolean enabled;

    @Option(names = "--liveness-threshold", paramLabel = "T",
            description = "live when the liveness score (0..1) is at least T (default: the committed threshold, see README)")
    Double threshold;

    /** The detector, or null when --liveness was not given. */
    LivenessDetector open(int threads) {
        if (threshold != null && !(threshold >= 0 && threshold <= 1)) {
            throw new UsageException("--liveness-threshold must be in [0, 1], got " + threshold);
        }
        if (!enabled) {
            if (threshold != null) {
                throw new UsageException("--liveness-threshold needs --liveness");
            }
            return null;
        }
        LivenessOptions options = LivenessOptions.defaults()
                .withOnnx(io.face4j.onnx.OnnxOptions.defaults().withIntraOpThreads(threads));
        return LivenessDetector.create(threshold == null ? options : options.withThreshold(threshold));
    }
}
