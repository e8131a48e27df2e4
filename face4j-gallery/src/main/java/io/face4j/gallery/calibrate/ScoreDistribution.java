package io.face4j.gallery.calibrate;

import java.util.Arrays;

/**
 * A sorted sample of similarity scores (genuine or impostor), for thresholds and reports. Immutable, thread-safe.
 */
public final class ScoreDistribution {
    private final double[] sorted;

    private ScoreDistribution(double[] sorted) {
        this.sorted = sorted;
    }

    /** A distribution of a copy of {@code scores}; NaN scores are refused. */
    public static ScoreDistribution of(double[] scores) {
        if (scores == null) {
            throw new IllegalArgumentException("scores must not be null");
        }
        double[] copy = scores.clone();
        for (int i = 0; i < copy.length; i++) {
            if (Double.isNaN(copy[i])) {
                throw new IllegalArgumentException("scores[" + i + "] is NaN");
            }
        }
        Arrays.sort(copy);
        return new ScoreDistribution(copy);
    }

    public int count() {
        return sorted.length;
    }

    public boolean isEmpty() {
        return sorted.length == 0;
    }

    public double min() {
        requireScores();
        return sorted[0];
    }

    public double max() {
        requireScores();
        return sorted[sorted.length - 1];
    }

    public double mean() {
        requireScores();
        double sum = 0;
        for (double score : sorted) {
            sum += score;
        }
        return sum / sorted.length;
    }

    /**
     * The {@code p}-quantile with linear interpolation between order statistics: with the scores sorted as
     * x[0..n-1] and h = (n - 1) p, it is x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]). This is
     * Hyndman and Fan's definition 7, the default of R and NumPy.
     */
    public double quantile(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("p must be in [0, 1], got " + p);
        }
        requireScores();
        double h = (sorted.length - 1) * p;
        int below = (int) Math.floor(h);
        if (below >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        return sorted[below] + (h - below) * (sorted[below + 1] - sorted[below]);
    }

    /** The fraction of scores at or above {@code threshold}: the accept rate of a threshold. */
    public double fractionAtLeast(double threshold) {
        if (sorted.length == 0) {
            return 0;
        }
        int first = Arrays.binarySearch(sorted, threshold);
        if (first < 0) {
            first = -first - 1;
        } else {
            while (first > 0 && sorted[first - 1] == threshold) {
                first--;
            }
        }
        return (double) (sorted.length - first) / sorted.length;
    }

    /** Counts of scores in {@code bins} equal bins over [lo, hi); scores outside go to the first or last bin. */
    public int[] histogram(int bins, double lo, double hi) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be >= 1, got " + bins);
        }
        if (!(hi > lo)) {
            throw new IllegalArgumentException("hi must be > lo, got lo " + lo + ", hi " + hi);
        }
        int[] counts = new int[bins];
        for (double score : sorted) {
            int bin = (int) Math.floor((score - lo) / (hi - lo) * bins);
            counts[Math.max(0, Math.min(bins - 1, bin))]++;
        }
        return counts;
    }

    /** A copy of the sorted scores. */
    public double[] toArray() {
        return sorted.clone();
    }

    private void requireScores() {
        if (sorted.length == 0) {
            throw new IllegalStateException("the distribution has no scores");
        }
    }

    @Override
    public String toString() {
        return sorted.length == 0 ? "ScoreDistribution[empty]" : String.format(java.util.Locale.ROOT,
                "ScoreDistribution[n=%d, min=%.4f, mean=%.4f, max=%.4f]", sorted.length, min(), mean(), max());
    }
}
