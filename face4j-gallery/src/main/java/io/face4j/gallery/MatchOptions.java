package io.face4j.gallery;

import java.util.Objects;

/**
 * How a {@link Matcher} decides. Defaults: nearest-template policy, the threshold stored in the gallery for the
 * model and policy (NaN here means "use the stored one"), the five best identities as candidates.
 */
public record MatchOptions(DecisionPolicy policy, double threshold, int topK) {
    public MatchOptions {
        Objects.requireNonNull(policy, "policy");
        if (Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("threshold must be finite (or NaN for the stored one), got " + threshold);
        }
        if (topK < 1) {
            throw new IllegalArgumentException("topK must be >= 1, got " + topK);
        }
    }

    public static MatchOptions defaults() {
        return new MatchOptions(DecisionPolicy.nearestTemplate(), Double.NaN, 5);
    }

    public MatchOptions withPolicy(DecisionPolicy policy) {
        return new MatchOptions(policy, threshold, topK);
    }

    public MatchOptions withThreshold(double threshold) {
        return new MatchOptions(policy, threshold, topK);
    }

    public MatchOptions withTopK(int topK) {
        return new MatchOptions(policy, threshold, topK);
    }
}
