package io.face4j.gallery;

/**
 * How a query's similarities to templates become one score per identity. All scores are on the cosine scale, so one
 * threshold per model and policy separates known from unknown faces.
 * <ul>
 *   <li>{@link NearestTemplate}: the identity's best template (1-NN). Robust to a few bad templates of others,
 *       sensitive to one bad template of its own.</li>
 *   <li>{@link Centroid}: cosine to the identity's mean template, re-normalised. Averages out pose and lighting;
 *       an identity whose templates are spread (glasses on and off) scores lower.</li>
 *   <li>{@link KnnVote}: the k nearest templates of the whole gallery vote for their identities, weighted by similarity
 *       (negative similarities give no vote); the identity's score is its summed weight divided by k. Needs several
 *       templates per identity to beat a single close template of someone else.</li>
 * </ul>
 */
public sealed interface DecisionPolicy permits DecisionPolicy.NearestTemplate, DecisionPolicy.Centroid,
        DecisionPolicy.KnnVote {

    /** A stable short name, used as the settings key of the policy's calibrated threshold. */
    String key();

    static DecisionPolicy nearestTemplate() {
        return new NearestTemplate();
    }

    static DecisionPolicy centroid() {
        return new Centroid();
    }

    static DecisionPolicy knnVote(int k) {
        return new KnnVote(k);
    }

    /** The policy whose {@link #key()} is {@code key}. */
    static DecisionPolicy parse(String key) {
        if ("nearest".equals(key)) {
            return new NearestTemplate();
        }
        if ("centroid".equals(key)) {
            return new Centroid();
        }
        if (key != null && key.startsWith("knn-")) {
            try {
                return new KnnVote(Integer.parseInt(key.substring(4)));
            } catch (NumberFormatException e) {
                // falls through to the error below
            }
        }
        throw new IllegalArgumentException("key must be nearest, centroid or knn-<k>, got " + key);
    }

    record NearestTemplate() implements DecisionPolicy {
        @Override
        public String key() {
            return "nearest";
        }
    }

    record Centroid() implements DecisionPolicy {
        @Override
        public String key() {
            return "centroid";
        }
    }

    record KnnVote(int k) implements DecisionPolicy {
        public KnnVote {
            if (k < 1) {
                throw new IllegalArgumentException("k must be >= 1, got " + k);
            }
        }

        @Override
        public String key() {
            return "knn-" + k;
        }
    }
}
