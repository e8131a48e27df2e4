package io.face4j.eval;

import java.util.Locale;

/**
 * The usual verification figures for one set of scored pairs: k-fold accuracy (LFW protocol), ROC AUC, EER and
 * TAR at FAR 1e-2 and 1e-3. Immutable and thread-safe.
 */
public record VerificationReport(int pairs, int samePairs, VerificationMetrics.FoldAccuracy accuracy, double auc, double eer,
                                 double tarAtFar1e2, double tarAtFar1e3) {

    /**
     * Computes every figure; {@code folds} as in {@link VerificationMetrics#kFoldAccuracy}. With a single fold (all
     * zeros) the accuracy is measured at the best threshold on the same pairs (optimistic; std 0).
     */
    public static VerificationReport of(double[] scores, boolean[] same, int[] folds) {
        int nSame = 0;
        for (boolean s : same) {
            nSame += s ? 1 : 0;
        }
        boolean singleFold = folds != null && java.util.Arrays.stream(folds).allMatch(f -> f == 0);
        VerificationMetrics.FoldAccuracy accuracy;
        if (singleFold) {
            double threshold = VerificationMetrics.bestThreshold(scores, same);
            double a = VerificationMetrics.accuracy(scores, same, threshold);
            accuracy = new VerificationMetrics.FoldAccuracy(a, 0, new double[] {a}, new double[] {threshold});
        } else {
            accuracy = VerificationMetrics.kFoldAccuracy(scores, same, folds);
        }
        return new VerificationReport(scores.length, nSame, accuracy,
                VerificationMetrics.rocAuc(scores, same),
                VerificationMetrics.equalErrorRate(scores, same),
                VerificationMetrics.tarAtFar(scores, same, 1e-2),
                VerificationMetrics.tarAtFar(scores, same, 1e-3));
    }

    /** One line for logs and reports. */
    public String summary() {
        return String.format(Locale.ROOT, "pairs %d (%d same): accuracy %.4f +- %.4f, AUC %.4f, EER %.4f, TAR@FAR=1e-2 %.4f, TAR@FAR=1e-3 %.4f",
                pairs, samePairs, accuracy.mean(), accuracy.std(), auc, eer, tarAtFar1e2, tarAtFar1e3);
    }
}
