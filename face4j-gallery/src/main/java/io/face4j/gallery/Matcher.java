package io.face4j.gallery;

import java.util.List;
import java.util.Optional;

/**
 * Turns a query embedding into a {@link Decision} against a gallery: score identities under a policy, take the best,
 * compare it with the threshold. Thread-safe (holds only the gallery, which is thread-safe).
 */
public final class Matcher {
    private final Gallery gallery;

    public Matcher(Gallery gallery) {
        if (gallery == null) {
            throw new IllegalArgumentException("gallery must not be null");
        }
        this.gallery = gallery;
    }

    /** Decides with an explicit policy and threshold, listing the five best identities. */
    public Decision decide(String modelId, float[] query, DecisionPolicy policy, double threshold) {
        return decide(modelId, query, MatchOptions.defaults().withPolicy(policy).withThreshold(threshold));
    }

    /**
     * Decides for a face that failed the quality checks {@code failedChecks} (codes such as "too_dark"; empty when it
     * passed): as {@link #decide(String, float[], MatchOptions)}, then, when a check failed, unknown with reason
     * {@link Decision.Reason#LOW_QUALITY} whatever the similarity (the closest candidates are still listed).
     */
    public Decision decide(String modelId, float[] query, List<String> failedChecks, MatchOptions options) {
        if (failedChecks == null) {
            throw new IllegalArgumentException("failedChecks must not be null");
        }
        return decide(modelId, query, options).withLowQuality(failedChecks);
    }

    /**
     * Decides with {@code options}. With a NaN threshold the gallery's stored threshold for the model and policy is
     * used; if there is none, an {@link IllegalStateException} says how to get one.
     */
    public Decision decide(String modelId, float[] query, MatchOptions options) {
        double threshold = options.threshold();
        if (Double.isNaN(threshold)) {
            threshold = gallery.threshold(modelId, options.policy()).orElseThrow(() -> new IllegalStateException(
                    "no threshold stored for model \"" + modelId + "\" and policy " + options.policy().key()
                            + "; calibrate the gallery or pass a threshold"));
        }
        // one more than asked for, so the margin to the second identity is known even when topK is 1
        List<Candidate> ranked = gallery.search(modelId, query, options.policy(), options.topK() + 1);
        if (ranked.isEmpty()) {
            return new Decision(Optional.empty(), -1, 0, true, List.of());
        }
        Candidate best = ranked.get(0);
        double second = ranked.size() > 1 ? ranked.get(1).similarity() : 0;
        boolean unknown = best.similarity() < threshold;
        List<Candidate> candidates = ranked.subList(0, Math.min(options.topK(), ranked.size()));
        return new Decision(Optional.of(best), best.similarity(), best.similarity() - second, unknown, candidates);
    }
}
