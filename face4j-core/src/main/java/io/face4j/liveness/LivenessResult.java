package io.face4j.liveness;

import java.util.List;
import java.util.Locale;

/**
 * The liveness verdict for one face. {@code score} is in [0, 1], higher = more likely a live face;
 * {@code live == score >= threshold}. {@code evidence} lists the measurements the score was computed from.
 * Immutable; thread-safe.
 */
public record LivenessResult(double score, boolean live, double threshold, List<LivenessEvidence> evidence) {
    public LivenessResult {
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be in [0, 1], got " + score);
        }
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in [0, 1], got " + threshold);
        }
        if (live != (score >= threshold)) {
            throw new IllegalArgumentException("live must equal score >= threshold (" + score + " vs " + threshold + "), got " + live);
        }
        evidence = List.copyOf(evidence == null ? List.of() : evidence);
    }

    /** The result for {@code score} at {@code threshold}: live when {@code score >= threshold}. */
    public static LivenessResult of(double score, double threshold, List<LivenessEvidence> evidence) {
        return new LivenessResult(score, score >= threshold, threshold, evidence);
    }

    /** A short human reason: "live (score 0.83 >= 0.50)" or "spoof (score 0.12 < 0.50)". */
    public String reason() {
        return live
                ? String.format(Locale.ROOT, "live (score %.2f >= %.2f)", score, threshold)
                : String.format(Locale.ROOT, "spoof (score %.2f < %.2f)", score, threshold);
    }

    /** The evidence with this name, or null. */
    public LivenessEvidence evidence(String name) {
        for (LivenessEvidence e : evidence) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        return null;
    }
}
