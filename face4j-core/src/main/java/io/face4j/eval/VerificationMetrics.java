package io.face4j.eval;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Face verification metrics over scored pairs. A score is a similarity: higher means "more likely the same person"
 * (pass {@code -distance} for distances), and a pair is accepted as same when {@code score >= threshold}.
 * Every method is exact on the given scores (no threshold grid) and treats tied scores as one operating point.
 * Stateless and thread-safe.
 */
public final class VerificationMetrics {

    private VerificationMetrics() {
    }

    /**
     * ROC AUC as the Mann-Whitney statistic: the probability that a random same-person pair scores higher than a
     * random different-person pair, ties counting one half.
     */
    public static double rocAuc(double[] scores, boolean[] same) {
        check(scores, same);
        int[] order = ascending(scores);
        double sameRankSum = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            // Tied scores share the mean of ranks i+1 .. j+1.
            double midRank = (i + j + 2) / 2.0;
            for (int k = i; k <= j; k++) {
                if (same[order[k]]) {
                    sameRankSum += midRank;
                }
            }
            i = j + 1;
        }
        long nSame = countSame(same);
        long nDiff = same.length - nSame;
        return (sameRankSum - nSame * (nSame + 1) / 2.0) / ((double) nSame * nDiff);
    }

    /**
     * The ROC as operating points, one per distinct score plus the "accept nothing" point, in order of decreasing
     * threshold: {@code far[k]} and {@code tar[k]} are the rates when accepting {@code score >= threshold[k]}
     * ({@code threshold[0]} is +infinity).
     */
    public record Roc(double[] threshold, double[] far, double[] tar) {
    }

    /** The exact ROC; see {@link Roc}. */
    public static Roc roc(double[] scores, boolean[] same) {
        check(scores, same);
        int[] order = ascending(scores);
        long nSame = countSame(same);
        long nDiff = same.length - nSame;
        double[] thresholds = new double[scores.length + 1];
        double[] far = new double[scores.length + 1];
        double[] tar = new double[scores.length + 1];
        thresholds[0] = Double.POSITIVE_INFINITY;
        int points = 1;
        long trueAccepts = 0;
        long falseAccepts = 0;
        int i = order.length - 1;
        while (i >= 0) {
            double score = scores[order[i]];
            while (i >= 0 && scores[order[i]] == score) {
                if (same[order[i]]) {
                    trueAccepts++;
                } else {
                    falseAccepts++;
                }
                i--;
            }
            thresholds[points] = score;
            far[points] = (double) falseAccepts / nDiff;
            tar[points] = (double) trueAccepts / nSame;
            points++;
        }
        return new Roc(Arrays.copyOf(thresholds, points), Arrays.copyOf(far, points), Arrays.copyOf(tar, points));
    }

    /**
     * Equal error rate: where the false accept rate equals the false reject rate (1 - TAR), linearly interpolated
     * between the two ROC operating points that bracket the crossing.
     */
    public static double equalErrorRate(double[] scores, boolean[] same) {
        Roc roc = roc(scores, same);
        double previousGap = 1 - roc.tar()[0] - roc.far()[0]; // FRR - FAR at "accept nothing" = 1
        for (int k = 1; k < roc.far().length; k++) {
            double gap = 1 - roc.tar()[k] - roc.far()[k];
            if (gap <= 0) {
                double t = previousGap / (previousGap - gap);
                return roc.far()[k - 1] + t * (roc.far()[k] - roc.far()[k - 1]);
            }
            previousGap = gap;
        }
        throw new IllegalStateException("ROC never reaches FAR = 1"); // unreachable: the last point is (1, 1)
    }

    /**
     * True accept rate at the lowest threshold whose false accept rate is at most {@code far}. With {@code n}
     * different-person pairs the FAR resolution is {@code 1/n}: a target below it allows no false accept at all.
     */
    public static double tarAtFar(double[] scores, boolean[] same, double far) {
        if (!(far >= 0 && far <= 1)) {
            throw new IllegalArgumentException("far must be in [0, 1], got " + far);
        }
        Roc roc = roc(scores, same);
        double best = 0;
        for (int k = 0; k < roc.far().length; k++) {
            if (roc.far()[k] <= far) {
                best = roc.tar()[k];
            }
        }
        return best;
    }

    /** Fraction of pairs classified correctly when accepting {@code score >= threshold}. */
    public static double accuracy(double[] scores, boolean[] same, double threshold) {
        check(scores, same);
        int correct = 0;
        for (int i = 0; i < scores.length; i++) {
            if ((scores[i] >= threshold) == same[i]) {
                correct++;
            }
        }
        return (double) correct / scores.length;
    }

    /**
     * The threshold that maximises {@link #accuracy} on these pairs. Candidates are the midpoints between
     * consecutive distinct scores plus the next double below the lowest and above the highest, so a threshold never sits on
     * a training score; among equally accurate candidates the lowest wins.
     */
    public static double bestThreshold(double[] scores, boolean[] same) {
        check(scores, same);
        int[] order = ascending(scores);
        long nSame = countSame(same);
        // Start with the threshold below everything: all accepted, so the correct ones are the same-person pairs.
        long correct = nSame;
        long bestCorrect = correct;
        double best = Math.nextDown(scores[order[0]]);
        int i = 0;
        while (i < order.length) {
            double score = scores[order[i]];
            // Move the threshold just above this group of tied scores: they are now rejected.
            while (i < order.length && scores[order[i]] == score) {
                correct += same[order[i]] ? -1 : 1;
                i++;
            }
            if (correct > bestCorrect) {
                bestCorrect = correct;
                best = i < order.length ? (score + scores[order[i]]) / 2 : Math.nextUp(score);
            }
        }
        return best;
    }

    /**
     * K-fold accuracy as in the LFW protocol: for each fold, the threshold is chosen by {@link #bestThreshold} on the
     * other folds and the accuracy is measured on that fold. The standard deviation is the population one (ddof = 0,
     * as numpy's default in the reference LFW scripts).
     *
     * @param folds fold index of each pair, 0 .. k-1, every fold non-empty, k >= 2
     */
    public static FoldAccuracy kFoldAccuracy(double[] scores, boolean[] same, int[] folds) {
        check(scores, same);
        if (folds == null || folds.length != scores.length) {
            throw new IllegalArgumentException("folds must have one entry per score (" + scores.length + "), got "
                    + (folds == null ? "null" : folds.length));
        }
        int k = Arrays.stream(folds).max().orElse(-1) + 1;
        if (k < 2 || Arrays.stream(folds).anyMatch(f -> f < 0)) {
            throw new IllegalArgumentException("folds must be 0 .. k-1 with k >= 2, got max " + (k - 1));
        }
        double[] accuracies = new double[k];
        double[] thresholds = new double[k];
        for (int fold = 0; fold < k; fold++) {
            int f = fold;
            int[] train = IntStream.range(0, scores.length).filter(i -> folds[i] != f).toArray();
            int[] test = IntStream.range(0, scores.length).filter(i -> folds[i] == f).toArray();
            if (test.length == 0) {
                throw new IllegalArgumentException("fold " + fold + " has no pairs");
            }
            double[] trainScores = Arrays.stream(train).mapToDouble(i -> scores[i]).toArray();
            boolean[] trainSame = pick(same, train);
            if (countSame(trainSame) == 0 || countSame(trainSame) == train.length) {
                throw new IllegalArgumentException("the folds other than " + fold + " need both same and different pairs");
            }
            thresholds[fold] = bestThreshold(trainScores, trainSame);
            accuracies[fold] = accuracy(Arrays.stream(test).mapToDouble(i -> scores[i]).toArray(), pick(same, test), thresholds[fold]);
        }
        double mean = Arrays.stream(accuracies).average().orElseThrow();
        double variance = Arrays.stream(accuracies).map(a -> (a - mean) * (a - mean)).sum() / k;
        return new FoldAccuracy(mean, Math.sqrt(variance), accuracies, thresholds);
    }

    /** Per-fold accuracies and thresholds with their mean and population standard deviation. */
    public record FoldAccuracy(double mean, double std, double[] foldAccuracies, double[] thresholds) {
        public FoldAccuracy {
            foldAccuracies = foldAccuracies.clone();
            thresholds = thresholds.clone();
        }

        @Override
        public double[] foldAccuracies() {
            return foldAccuracies.clone();
        }

        @Override
        public double[] thresholds() {
            return thresholds.clone();
        }
    }

    private static boolean[] pick(boolean[] values, int[] indices) {
        boolean[] out = new boolean[indices.length];
        for (int i = 0; i < indices.length; i++) {
            out[i] = values[indices[i]];
        }
        return out;
    }

    private static long countSame(boolean[] same) {
        long n = 0;
        for (boolean s : same) {
            if (s) {
                n++;
            }
        }
        return n;
    }

    private static int[] ascending(double[] scores) {
        return IntStream.range(0, scores.length).boxed()
                .sorted(Comparator.comparingDouble(i -> scores[i]))
                .mapToInt(Integer::intValue).toArray();
    }

    private static void check(double[] scores, boolean[] same) {
        if (scores == null || same == null) {
            throw new IllegalArgumentException("scores and same must not be null");
        }
        if (scores.length != same.length) {
            throw new IllegalArgumentException("scores (" + scores.length + ") and same (" + same.length + ") differ in length");
        }
        for (double s : scores) {
            if (Double.isNaN(s)) {
                throw new IllegalArgumentException("scores must not contain NaN");
            }
        }
        long nSame = countSame(same);
        if (nSame == 0 || nSame == same.length) {
            throw new IllegalArgumentException("same must contain both same-person and different-person pairs");
        }
    }
}
