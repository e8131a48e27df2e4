package io.face4j.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class VerificationMetricsTest {
    private static final double EPS = 1e-12;

    // same: 0.9 0.8 0.4; different: 0.7 0.3 0.2 (worked out by hand in the comments below)
    private static final double[] SCORES = {0.9, 0.7, 0.8, 0.3, 0.4, 0.2};
    private static final boolean[] SAME = {true, false, true, false, true, false};

    @Test
    void aucCountsOrderedPairs() {
        // 9 same/different pairs, only (0.4, 0.7) is misordered: 8/9
        assertEquals(8.0 / 9, VerificationMetrics.rocAuc(SCORES, SAME), EPS);
    }

    @Test
    void aucCountsTiesAsHalf() {
        // same {0.5, 0.5}, different {0.5, 0.1}: each same score gets 0.5 + 1 against the two different ones -> 3/4
        assertEquals(0.75, VerificationMetrics.rocAuc(new double[] {0.5, 0.5, 0.5, 0.1}, new boolean[] {true, true, false, false}), EPS);
    }

    @Test
    void aucIsOneWhenSeparatedAndZeroWhenReversed() {
        assertEquals(1.0, VerificationMetrics.rocAuc(new double[] {3, 4, 1, 2}, new boolean[] {true, true, false, false}), EPS);
        assertEquals(0.0, VerificationMetrics.rocAuc(new double[] {1, 2, 3, 4}, new boolean[] {true, true, false, false}), EPS);
    }

    @Test
    void rocHasOnePointPerDistinctScore() {
        VerificationMetrics.Roc roc = VerificationMetrics.roc(SCORES, SAME);
        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, 0.9, 0.8, 0.7, 0.4, 0.3, 0.2}, roc.threshold(), EPS);
        assertArrayEquals(new double[] {0, 0, 0, 1.0 / 3, 1.0 / 3, 2.0 / 3, 1}, roc.far(), EPS);
        assertArrayEquals(new double[] {0, 1.0 / 3, 2.0 / 3, 2.0 / 3, 1, 1, 1}, roc.tar(), EPS);
    }

    @Test
    void eerWhereFarMeetsFrr() {
        // at threshold 0.7: FAR 1/3 (0.7 accepted), FRR 1/3 (0.4 rejected)
        assertEquals(1.0 / 3, VerificationMetrics.equalErrorRate(SCORES, SAME), EPS);
    }

    @Test
    void eerInterpolatesAcrossTies() {
        // ROC: (FAR 0, FRR 1) -> (0.5, 0): the segment crosses FAR = FRR at 1/3
        assertEquals(1.0 / 3, VerificationMetrics.equalErrorRate(new double[] {0.5, 0.5, 0.5, 0.1}, new boolean[] {true, true, false, false}), EPS);
    }

    @Test
    void tarAtFarUsesLowestAdmissibleThreshold() {
        assertEquals(2.0 / 3, VerificationMetrics.tarAtFar(SCORES, SAME, 1e-2), EPS);
        assertEquals(1.0, VerificationMetrics.tarAtFar(SCORES, SAME, 0.4), EPS);
        assertEquals(1.0, VerificationMetrics.tarAtFar(SCORES, SAME, 1.0), EPS);
        assertThrows(IllegalArgumentException.class, () -> VerificationMetrics.tarAtFar(SCORES, SAME, 1.5));
    }

    @Test
    void bestThresholdIsAMidpointMaximisingAccuracy() {
        // ascending 0.2d 0.3d 0.4s 0.7d 0.8s 0.9s: rejecting up to 0.3 gives 5/6 first (later 0.7 ties, lowest wins)
        double threshold = VerificationMetrics.bestThreshold(SCORES, SAME);
        assertEquals(0.35, threshold, EPS);
        assertEquals(5.0 / 6, VerificationMetrics.accuracy(SCORES, SAME, threshold), EPS);
    }

    @Test
    void bestThresholdCanRejectEverything() {
        // different pairs score highest: accepting nothing (2/3 correct) beats any other cut
        double threshold = VerificationMetrics.bestThreshold(new double[] {0.1, 0.9, 0.8}, new boolean[] {true, false, false});
        assertTrue(threshold > 0.9, "threshold " + threshold);
    }

    @Test
    void kFoldChoosesThresholdOnTheOtherFolds() {
        // fold 0: same 0.9 0.6, different 0.5 0.1; fold 1: same 0.8 0.6, different 0.4 0.2
        double[] scores = {0.9, 0.6, 0.5, 0.1, 0.8, 0.6, 0.4, 0.2};
        boolean[] same = {true, true, false, false, true, true, false, false};
        int[] folds = {0, 0, 0, 0, 1, 1, 1, 1};
        VerificationMetrics.FoldAccuracy result = VerificationMetrics.kFoldAccuracy(scores, same, folds);
        // fold 0 is tested at 0.5 (from fold 1: between 0.4 and 0.6): 0.5 is accepted -> 3/4
        // fold 1 is tested at 0.55 (from fold 0: between 0.5 and 0.6): all right -> 1
        assertArrayEquals(new double[] {0.5, 0.55}, result.thresholds(), EPS);
        assertArrayEquals(new double[] {0.75, 1.0}, result.foldAccuracies(), EPS);
        assertEquals(0.875, result.mean(), EPS);
        assertEquals(0.125, result.std(), EPS);
    }

    @Test
    void aucMatchesBruteForceOnRandomScoresWithTies() {
        Random random = new Random(7);
        for (int trial = 0; trial < 20; trial++) {
            int n = 50 + random.nextInt(50);
            double[] scores = new double[n];
            boolean[] same = new boolean[n];
            for (int i = 0; i < n; i++) {
                same[i] = i % 3 == 0;
                scores[i] = random.nextInt(10) + (same[i] ? 2 : 0); // coarse values force ties
            }
            double wins = 0;
            int pairs = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (same[i] && !same[j]) {
                        pairs++;
                        wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                    }
                }
            }
            assertEquals(wins / pairs, VerificationMetrics.rocAuc(scores, same), 1e-12);
        }
    }

    @Test
    void reportSummarisesEveryFigure() {
        double[] scores = {0.9, 0.6, 0.5, 0.1, 0.8, 0.6, 0.4, 0.2};
        boolean[] same = {true, true, false, false, true, true, false, false};
        VerificationReport report = VerificationReport.of(scores, same, new int[] {0, 0, 0, 0, 1, 1, 1, 1});
        assertEquals(8, report.pairs());
        assertEquals(4, report.samePairs());
        assertEquals(1.0, report.auc(), EPS);
        assertEquals(0.0, report.eer(), EPS);
        assertEquals(1.0, report.tarAtFar1e3(), EPS);
        assertTrue(report.summary().contains("accuracy 0.8750 +- 0.1250"), report.summary());
    }

    @Test
    void misuseIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> VerificationMetrics.rocAuc(new double[] {1, 2}, new boolean[] {true}));
        assertThrows(IllegalArgumentException.class, () -> VerificationMetrics.rocAuc(new double[] {1, 2}, new boolean[] {true, true}));
        assertThrows(IllegalArgumentException.class, () -> VerificationMetrics.rocAuc(new double[] {Double.NaN, 2}, new boolean[] {true, false}));
        assertThrows(IllegalArgumentException.class,
                () -> VerificationMetrics.kFoldAccuracy(new double[] {1, 2}, new boolean[] {true, false}, new int[] {0, 0}));
    }
}
