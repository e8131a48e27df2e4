package io.face4j.cli;

import io.face4j.gallery.DecisionPolicy;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses {@code nearest|centroid|knn[:k]} into a {@link DecisionPolicy}.
 * <p>
 * The default is {@link #DEFAULT}; how it was chosen is in {@link #DEFAULT}'s comment and in the README.
 */
final class PolicyOption implements ITypeConverter<DecisionPolicy> {
    /** k of "knn" without ":k": 3, the smallest odd vote that can outvote one stray template of another person. */
    static final int DEFAULT_K = 3;

    /**
     * Measured with {@code eval-identify --policy all} (enrol 2 per person, 30% unknown people, seed 0); see README
     * "Decision policies" for the table. Centroid had the best detection-and-identification rate on both sets.
     */
    static final String DEFAULT = "centroid";

    @Override
    public DecisionPolicy convert(String value) {
        return parse(value);
    }

    /** The command-line spelling of a policy: nearest, centroid, knn:K. */
    static String format(DecisionPolicy policy) {
        return policy instanceof DecisionPolicy.KnnVote knn ? "knn:" + knn.k() : policy.key();
    }

    static DecisionPolicy parse(String value) {
        if ("nearest".equals(value)) {
            return DecisionPolicy.nearestTemplate();
        }
        if ("centroid".equals(value)) {
            return DecisionPolicy.centroid();
        }
        if ("knn".equals(value)) {
            return DecisionPolicy.knnVote(DEFAULT_K);
        }
        if (value != null && value.startsWith("knn:")) {
            try {
                int k = Integer.parseInt(value.substring(4));
                if (k >= 1) {
                    return DecisionPolicy.knnVote(k);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new TypeConversionException("policy must be nearest, centroid, knn or knn:K (K >= 1), got '" + value + "'");
    }
}
