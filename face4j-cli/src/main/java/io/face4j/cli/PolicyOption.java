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
     * Measured with {@code eval-identify --policy all} (2 photos enrolled per person, 30% of people left out, seed 0).
     * dev-lfw (111 mated, 72 non-mated probes), rank-1 / DIR at FPIR 1e-2 / DIR at FPIR 1e-1:
     * nearest 0.928 / 0.784 / 0.883, centroid 0.964 / 0.802 / 0.937, knn:3 0.901 / 0.676 / 0.784,
     * knn:5 0.874 / 0.676 / 0.793. five-celebrity-faces/train: every policy 1.000 / 0.977 / 0.977.
     * Centroid is best on dev-lfw and ties elsewhere, so it is the default (README "Decision policies").
     */
    static final String DEFAULT = "centroid";

    @Override
    public DecisionPolicy convert(String value) {
        return parse(value);
    }

    /** The command-line spelling of a policy: nearest, centroid, knn:K. */
    static String format(DecisionPolicy policy) {
        if (policy instanceof DecisionPolicy.Clusters c) {
            return "clusters:" + c.maxClusters() + (c.splitBelow() == DecisionPolicy.Clusters.DEFAULT_SPLIT_BELOW ? "" : "@" + c.splitBelow());
        }
        if (policy instanceof DecisionPolicy.Fusion f) {
            return "fusion:" + f.alpha();
        }
        if (policy instanceof DecisionPolicy.TopMean t) {
            return "top:" + t.m();
        }
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
        if ("clusters".equals(value)) {
            return DecisionPolicy.clusters();
        }
        if (value != null && value.startsWith("clusters:")) {
            try {
                String[] parts = value.substring(9).split("@", -1);
                if (parts.length <= 2) {
                    return new DecisionPolicy.Clusters(Integer.parseInt(parts[0]),
                            parts.length == 2 ? Double.parseDouble(parts[1]) : DecisionPolicy.Clusters.DEFAULT_SPLIT_BELOW);
                }
            } catch (IllegalArgumentException e) {
                // reported below (NumberFormatException is one)
            }
        }
        if (value != null && value.startsWith("fusion:")) {
            try {
                return new DecisionPolicy.Fusion(Double.parseDouble(value.substring(7)));
            } catch (IllegalArgumentException e) {
                // reported below (NumberFormatException is one)
            }
        }
        if (value != null && value.startsWith("top:")) {
            try {
                return new DecisionPolicy.TopMean(Integer.parseInt(value.substring(4)));
            } catch (IllegalArgumentException e) {
                // reported below
            }
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
        throw new TypeConversionException("policy must be nearest, centroid, knn, knn:K (K >= 1), clusters, clusters:K[@SPLIT]"
                + " (K in 1..8, SPLIT a cosine in (-1, 1]), fusion:ALPHA (ALPHA in [0, 1]) or top:M (M in 1..16), got '" + value + "'");
    }
}
