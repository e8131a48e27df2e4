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
 *   <li>{@link Clusters}: the identity's templates grouped into up to {@code maxClusters} clusters (k-means on the
 *       unit sphere, split only while every cluster keeps two templates and the clusters' centroids are less similar
 *       than {@code splitBelow}); the score is the best cosine to a cluster centroid. With one cluster it is
 *       {@link Centroid}; enrolments in different conditions (normal and dark light) each keep their own template
 *       instead of being averaged into one that fits neither.</li>
 *   <li>{@link Fusion}: {@code alpha} times the centroid score plus {@code 1 - alpha} times the nearest-template
 *       score: the mean's stability with a share of the best single template's coverage.</li>
 *   <li>{@link TopMean}: the mean of the identity's {@code m} best template cosines (all of them when it has fewer):
 *       between nearest ({@code m = 1}) and the mean of the template scores.</li>
 * </ul>
 */
public sealed interface DecisionPolicy permits DecisionPolicy.NearestTemplate, DecisionPolicy.Centroid,
        DecisionPolicy.KnnVote, DecisionPolicy.Clusters, DecisionPolicy.Fusion, DecisionPolicy.TopMean {

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

    static DecisionPolicy clusters() {
        return new Clusters(Clusters.DEFAULT_MAX_CLUSTERS, Clusters.DEFAULT_SPLIT_BELOW);
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
        if (key != null && key.startsWith("clusters-")) {
            try {
                String[] parts = key.substring(9).split("@", -1);
                int max = Integer.parseInt(parts[0]);
                double split = parts.length == 2 ? Double.parseDouble(parts[1]) : Clusters.DEFAULT_SPLIT_BELOW;
                if (parts.length <= 2) {
                    return new Clusters(max, split);
                }
            } catch (NumberFormatException e) {
                // falls through to the error below
            }
        }
        if (key != null && key.startsWith("fusion-")) {
            try {
                return new Fusion(Double.parseDouble(key.substring(7)));
            } catch (NumberFormatException e) {
                // falls through to the error below
            }
        }
        if (key != null && key.startsWith("top-")) {
            try {
                return new TopMean(Integer.parseInt(key.substring(4)));
            } catch (NumberFormatException e) {
                // falls through to the error below
            }
        }
        throw new IllegalArgumentException("key must be nearest, centroid, knn-<k>, clusters-<k>[@<split>], fusion-<alpha>"
                + " or top-<m>, got " + key);
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

    /**
     * Several templates per identity: see the interface comment.
     *
     * @param maxClusters most clusters per identity, 1..8
     * @param splitBelow  clusters are kept apart only when their centroids' cosine is below this, in (-1, 1]
     */
    record Clusters(int maxClusters, double splitBelow) implements DecisionPolicy {
        /** 3: normal, dark and one more condition (backlight, blur); more clusters give impostors more chances. */
        public static final int DEFAULT_MAX_CLUSTERS = 3;
        /** A cluster needs this many templates: a cluster of one photo is that photo, outlier or not. */
        public static final int MIN_CLUSTER_SIZE = 2;
        /** See {@link RecognitionDefaults#CLUSTER_SPLIT_BELOW} for where the number comes from. */
        public static final double DEFAULT_SPLIT_BELOW = RecognitionDefaults.CLUSTER_SPLIT_BELOW;

        public Clusters {
            if (maxClusters < 1 || maxClusters > 8) {
                throw new IllegalArgumentException("maxClusters must be in [1, 8], got " + maxClusters);
            }
            if (!(splitBelow > -1 && splitBelow <= 1)) {
                throw new IllegalArgumentException("splitBelow must be in (-1, 1], got " + splitBelow);
            }
        }

        @Override
        public String key() {
            return "clusters-" + maxClusters + (splitBelow == DEFAULT_SPLIT_BELOW ? "" : "@" + splitBelow);
        }
    }

    /**
     * {@code alpha * centroid + (1 - alpha) * nearest}: see the interface comment.
     *
     * @param alpha weight of the centroid score, in [0, 1]
     */
    record Fusion(double alpha) implements DecisionPolicy {
        public Fusion {
            if (!(alpha >= 0 && alpha <= 1)) {
                throw new IllegalArgumentException("alpha must be in [0, 1], got " + alpha);
            }
        }

        @Override
        public String key() {
            return "fusion-" + alpha;
        }
    }

    /**
     * The mean of the identity's {@code m} best template cosines: see the interface comment.
     *
     * @param m templates averaged, 1..16
     */
    record TopMean(int m) implements DecisionPolicy {
        public TopMean {
            if (m < 1 || m > 16) {
                throw new IllegalArgumentException("m must be in [1, 16], got " + m);
            }
        }

        @Override
        public String key() {
            return "top-" + m;
        }
    }
}
