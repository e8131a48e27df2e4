package io.face4j.gallery.calibrate;

import java.util.Objects;
import java.util.Optional;

/**
 * A threshold chosen for a target false-accept rate, with the distributions it came from.
 *
 * @param modelId           the embedding model the scores came from
 * @param policyKey         the decision policy's key ({@code DecisionPolicy.key()})
 * @param targetFar         the false-accept rate asked for
 * @param threshold         accept when similarity &gt;= threshold
 * @param achievedFar       the fraction of the impostor scores at or above the threshold
 * @param genuineAcceptRate the fraction of the genuine scores at or above the threshold (NaN without genuine scores)
 * @param warning           present when the estimate is unreliable, saying why
 */
public record Calibration(String modelId, String policyKey, double targetFar, double threshold, double achievedFar,
                          double genuineAcceptRate, ScoreDistribution genuine, ScoreDistribution impostor,
                          Optional<String> warning) {
    public Calibration {
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(policyKey, "policyKey");
        Objects.requireNonNull(genuine, "genuine");
        Objects.requireNonNull(impostor, "impostor");
        Objects.requireNonNull(warning, "warning");
    }
}
