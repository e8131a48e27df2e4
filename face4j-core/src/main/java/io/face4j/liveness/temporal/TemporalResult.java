package io.face4j.liveness.temporal;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import io.face4j.liveness.LivenessEvidence;

/**
 * What a temporal liveness check concluded from the frames so far. Immutable; thread-safe.
 *
 * @param state     LIVE, SPOOF or UNDECIDED
 * @param score     in [0, 1], higher = more likely live; 0.5 at the threshold; NaN while there is nothing to score
 * @param threshold the planar-residual threshold used
 * @param frames    landmark sets in the window
 * @param reason    a short human explanation of the state
 * @param evidence  the measurements behind it (e.g. "planarResidual", "motion", "frames")
 */
public record TemporalResult(LivenessState state, double score, double threshold, int frames, String reason,
                             List<LivenessEvidence> evidence) {
    public TemporalResult {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
        evidence = List.copyOf(evidence);
    }

    public static TemporalResult undecided(double threshold, int frames, String reason, List<LivenessEvidence> evidence) {
        return new TemporalResult(LivenessState.UNDECIDED, Double.NaN, threshold, frames, reason, evidence);
    }

    public boolean live() {
        return state == LivenessState.LIVE;
    }

    public boolean spoof() {
        return state == LivenessState.SPOOF;
    }

    /** The named evidence value, or NaN. */
    public double value(String name) {
        return evidence.stream().filter(e -> e.name().equals(name)).mapToDouble(LivenessEvidence::value).findFirst().orElse(Double.NaN);
    }

    /** e.g. "spoof (score 0.25): moved like a flat picture (...)", or "undecided: collecting frames (3 of 8)". */
    public String summary() {
        return Double.isNaN(score) ? state.label() + ": " + reason
                : String.format(Locale.ROOT, "%s (score %.2f): %s", state.label(), score, reason);
    }
}
