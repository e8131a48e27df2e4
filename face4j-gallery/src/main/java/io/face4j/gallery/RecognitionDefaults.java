package io.face4j.gallery;

import java.util.OptionalDouble;

/**
 * The decision policy and known/unknown thresholds to use when the caller names none: shared by the command line and
 * the REST service so both decide alike. Stateless.
 */
public final class RecognitionDefaults {
    /**
     * Uncalibrated defaults for the shipped MobileFaceNet, per policy: what {@code face4j calibrate --far 1e-3 --dry-run}
     * chose on a gallery enrolled from all of dev-lfw (26 people, 202 templates, 5,100 leave-one-out impostor scores),
     * rounded to 0.01: nearest 0.5341 (genuine accept rate 0.951), centroid 0.5061 (0.970), knn:3 0.1290 (0.995).
     * The LFW-protocol view of the same photos agrees: the impostor histogram of dev-lfw's 300 different-person pairs
     * (eval --report, scores.png) ends below 0.45. Pair scores are cosines like the nearest policy's, so verification
     * of two photos uses the nearest one.
     */
    public static final double NEAREST = 0.53;
    public static final double CENTROID = 0.51;
    public static final double KNN = 0.13;
    /**
     * Clusters (3 at most, split below 0.6): the same calibration chose 0.5061, exactly the centroid's: on that gallery
     * no person's templates split, so every score equals the centroid's.
     */
    public static final double CLUSTERS = 0.51;
    /**
     * 0.6: about the mean cosine (0.62; median 0.67) between two different photos of one person among dev-lfw's 210
     * detected faces. Two groups of a person's templates less alike than two ordinary photos of one person are kept
     * as separate templates; closer groups are one condition and are averaged.
     */
    public static final double CLUSTER_SPLIT_BELOW = 0.6;
    /**
     * Top-m mean (m = 2): the same calibration on the same gallery chose 0.5189 (genuine accept rate 0.960). Used for
     * every m >= 2 (only m = 2 was calibrated; m = 1 is the nearest policy and gets its threshold).
     */
    public static final double TOP_MEAN = 0.52;

    private RecognitionDefaults() {
    }

    /**
     * The default policy: centroid, best on dev-lfw's open-set identification benchmark and tied elsewhere (measured
     * with {@code face4j eval-identify --policy all}; README "Decision policies"). The multi-template clusters policy
     * is not the default: it tied with centroid on normal photos but did not beat it on the mixed-condition protocol
     * ({@code eval-identify --enrol-degrade}; README "Face quality and multi-template galleries"). Nor is the score
     * fusion {@code fusion:0.5} (alpha chosen on dev-lfw): better than the mean on the mixed protocol at FPIR 1e-2 on
     * dev-lfw, glint and five-celebrity-faces, but 1.9 points lower in rank-1 on dev-lfw mixed and 0.8 lower in DIR at
     * FPIR 1e-2 on glint's normal photos (same README section).
     */
    public static DecisionPolicy policy() {
        return DecisionPolicy.centroid();
    }

    /** The uncalibrated threshold of a policy. */
    public static double threshold(DecisionPolicy policy) {
        if (policy instanceof DecisionPolicy.Centroid) {
            return CENTROID;
        }
        if (policy instanceof DecisionPolicy.KnnVote) {
            return KNN;
        }
        if (policy instanceof DecisionPolicy.Clusters) {
            return CLUSTERS;
        }
        if (policy instanceof DecisionPolicy.Fusion fusion) {
            // the fused score blends the two scores, so blend their thresholds: 0.52 at alpha 0.5, 0.515 at 0.75; the
            // same calibration chose 0.5156 and 0.5105 (genuine accept rate 0.970 for both)
            return fusion.alpha() * CENTROID + (1 - fusion.alpha()) * NEAREST;
        }
        if (policy instanceof DecisionPolicy.TopMean topMean && topMean.m() > 1) {
            return TOP_MEAN;
        }
        return NEAREST;
    }

    /** The threshold {@code face4j calibrate} stored in the gallery for the model and policy, if any. */
    public static OptionalDouble calibrated(Gallery gallery, String modelId, DecisionPolicy policy) {
        return gallery == null ? OptionalDouble.empty() : gallery.threshold(modelId, policy);
    }

    /** The stored threshold, else the default. */
    public static double threshold(Gallery gallery, String modelId, DecisionPolicy policy) {
        return calibrated(gallery, modelId, policy).orElse(threshold(policy));
    }
}
