package io.face4j.quality;

import java.util.List;

/**
 * One face's quality as a single score with the reasons it falls short. Immutable and thread-safe.
 *
 * @param score   0..1, the weakest of the per-check scores of {@link QualityBar#assess}; each check scores 0.5 exactly at
 *                its limit, so a face is below the bar (has reasons) exactly when the score is below
 *                {@link QualityBar#PASS_SCORE}
 * @param reasons the checks the face fails, in the order of {@link QualityIssue}; empty when it passes
 * @param details one line per reason for people, with the measured value and the limit
 *                ("too dark (brightness 14, minimum 40)")
 */
public record QualityAssessment(double score, List<QualityIssue> reasons, List<String> details) {
    public QualityAssessment {
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be in [0, 1], got " + score);
        }
        reasons = List.copyOf(reasons);
        details = List.copyOf(details);
        if (reasons.size() != details.size()) {
            throw new IllegalArgumentException("one detail per reason: " + reasons + " vs " + details);
        }
    }

    /** True when no check fails. */
    public boolean usable() {
        return reasons.isEmpty();
    }

    /** The reasons' codes ("too_dark"), for JSON. */
    public List<String> codes() {
        return reasons.stream().map(QualityIssue::code).toList();
    }

    /** The details joined with "; ", or "" when the face passes. */
    public String describe() {
        return String.join("; ", details);
    }
}
