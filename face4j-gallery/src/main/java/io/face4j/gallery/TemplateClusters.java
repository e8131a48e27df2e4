package io.face4j.gallery;

import java.util.ArrayList;
import java.util.List;

/**
 * Groups one identity's unit templates into at most {@code maxClusters} clusters (spherical k-means: cosine
 * assignment, re-normalised means) and returns the clusters' unit centroids. k grows from 1 only while the split is
 * worth it: every cluster keeps at least {@code minClusterSize} templates (a cluster of one photo is that photo, outlier
 * or not) and the most similar pair of centroids is below {@code splitBelow} (clusters far apart, such as enrolments in
 * normal and in dark light). Seeds are chosen farthest-first from the mean, so the result is deterministic for a given
 * template order. Stateless; thread-safe.
 */
final class TemplateClusters {
    /** 20 iterations: k-means over a handful of templates settles in a few; this only bounds the worst case. */
    static final int MAX_ITERATIONS = 20;

    private TemplateClusters() {
    }

    /** Unit centroids, at least one (the mean) when there is a template; none when {@code members} is empty. */
    static float[][] centroids(List<float[]> members, int maxClusters, int minClusterSize, double splitBelow) {
        if (members.isEmpty()) {
            return new float[0][];
        }
        float[][] best = {mean(members, null, -1)};
        for (int k = 2; k <= maxClusters && k * minClusterSize <= members.size(); k++) {
            float[][] split = kMeans(members, k, minClusterSize);
            if (split == null || maxPairCosine(split) >= splitBelow) {
                break;
            }
            best = split;
        }
        return best;
    }

    /** k unit centroids, or null when a cluster ends up with fewer than {@code minSize} members. */
    private static float[][] kMeans(List<float[]> members, int k, int minSize) {
        int n = members.size();
        float[][] centres = seeds(members, k);
        int[] assignment = new int[n];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            boolean changed = iteration == 0;
            for (int i = 0; i < n; i++) {
                int nearest = nearest(centres, members.get(i));
                if (nearest != assignment[i]) {
                    assignment[i] = nearest;
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
            for (int c = 0; c < k; c++) {
                centres[c] = mean(members, assignment, c);
                if (centres[c] == null) {
                    return null;
                }
            }
        }
        int[] sizes = new int[k];
        for (int a : assignment) {
            sizes[a]++;
        }
        for (int size : sizes) {
            if (size < minSize) {
                return null;
            }
        }
        return centres;
    }

    /** Farthest-first: the template least like the mean, then each time the one least like its nearest seed. */
    private static float[][] seeds(List<float[]> members, int k) {
        List<float[]> chosen = new ArrayList<>();
        float[] mean = mean(members, null, -1);
        chosen.add(members.get(argMin(members, m -> dot(m, mean))));
        while (chosen.size() < k) {
            chosen.add(members.get(argMin(members, m -> {
                double closest = Double.NEGATIVE_INFINITY;
                for (float[] c : chosen) {
                    closest = Math.max(closest, dot(m, c));
                }
                return closest;
            })));
        }
        return chosen.toArray(new float[0][]);
    }

    private static int argMin(List<float[]> members, java.util.function.ToDoubleFunction<float[]> f) {
        int best = 0;
        double bestValue = Double.POSITIVE_INFINITY;
        for (int i = 0; i < members.size(); i++) {
            double v = f.applyAsDouble(members.get(i));
            if (v < bestValue) {
                bestValue = v;
                best = i;
            }
        }
        return best;
    }

    private static int nearest(float[][] centres, float[] v) {
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < centres.length; c++) {
            double s = dot(centres[c], v);
            if (s > bestScore) {
                bestScore = s;
                best = c;
            }
        }
        return best;
    }

    static double maxPairCosine(float[][] centres) {
        double max = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < centres.length; a++) {
            for (int b = a + 1; b < centres.length; b++) {
                max = Math.max(max, dot(centres[a], centres[b]));
            }
        }
        return max;
    }

    /** The re-normalised mean of the members assigned to {@code cluster} (all when {@code assignment} is null). */
    private static float[] mean(List<float[]> members, int[] assignment, int cluster) {
        int dim = members.get(0).length;
        double[] sum = new double[dim];
        int count = 0;
        for (int i = 0; i < members.size(); i++) {
            if (assignment != null && assignment[i] != cluster) {
                continue;
            }
            float[] m = members.get(i);
            for (int d = 0; d < dim; d++) {
                sum[d] += m[d];
            }
            count++;
        }
        if (count == 0) {
            return null;
        }
        double norm = 0;
        for (double s : sum) {
            norm += s * s;
        }
        float[] unit = new float[dim];
        if (norm < 1e-12) {
            // opposite templates cancel: no direction, so a zero centroid that scores 0 against everything
            return unit;
        }
        double inv = 1 / Math.sqrt(norm);
        for (int d = 0; d < dim; d++) {
            unit[d] = (float) (sum[d] * inv);
        }
        return unit;
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int d = 0; d < a.length; d++) {
            s += (double) a[d] * b[d];
        }
        return s;
    }
}
