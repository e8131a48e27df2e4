package io.face4j.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class OpenSetMetricsTest {

    @Test
    void rank1CountsCorrectBestCandidates() {
        assertEquals(0.75, OpenSetMetrics.rank1(new boolean[] {true, true, false, true}), 1e-12);
    }

    @Test
    void thresholdAtFpirAllowsFloorOfTargetTimesCount() {
        double[] nonMated = {0.1, 0.5, 0.3, 0.9, 0.2, 0.4, 0.6, 0.7, 0.8, 0.0};
        // FPIR 0: above the highest non-mated score
        assertEquals(Math.nextUp(0.9), OpenSetMetrics.thresholdAtFpir(nonMated, 0.0));
        // 0.1 of 10 = one false positive allowed: just above the second highest
        assertEquals(Math.nextUp(0.8), OpenSetMetrics.thresholdAtFpir(nonMated, 0.1));
        assertEquals(Math.nextUp(0.8), OpenSetMetrics.thresholdAtFpir(nonMated, 0.15));
        assertEquals(Double.NEGATIVE_INFINITY, OpenSetMetrics.thresholdAtFpir(nonMated, 1.0));
    }

    @Test
    void dirCountsOnlyCorrectMatesAboveTheThreshold() {
        double[] nonMated = {0.2, 0.3, 0.4, 0.5};
        double[] mated = {0.9, 0.45, 0.6, 0.7, Double.NEGATIVE_INFINITY};
        boolean[] correct = {true, true, false, true, false};
        OpenSetMetrics.Point p = OpenSetMetrics.dirAtFpir(mated, correct, nonMated, 0.25);
        // one false positive allowed: threshold just above 0.4, so 0.5 is accepted (achieved FPIR 0.25)
        assertEquals(Math.nextUp(0.4), p.threshold());
        assertEquals(0.25, p.achieved(), 1e-12);
        // 0.9 and 0.7 and 0.45 are correct and above; 0.6 is wrong; the no-face probe never counts
        assertEquals(3 / 5.0, p.dir(), 1e-12);
        OpenSetMetrics.Point strict = OpenSetMetrics.dirAtFpir(mated, correct, nonMated, 0.0);
        assertEquals(0.0, strict.achieved(), 1e-12);
        assertEquals(2 / 5.0, strict.dir(), 1e-12);
    }

    @Test
    void refusesEmptyInputsAndBadTargets() {
        assertThrows(IllegalArgumentException.class, () -> OpenSetMetrics.rank1(new boolean[0]));
        assertThrows(IllegalArgumentException.class, () -> OpenSetMetrics.thresholdAtFpir(new double[0], 0.1));
        assertThrows(IllegalArgumentException.class, () -> OpenSetMetrics.thresholdAtFpir(new double[] {1}, 1.5));
    }
}
