package io.face4j.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LivenessMetricsTest {
    private static final double EPS = 1e-12;

    // live: 0.9 0.8 0.4; attacks: 0.7 0.3 0.2
    private static final double[] SCORES = {0.9, 0.7, 0.8, 0.3, 0.4, 0.2};
    private static final boolean[] LIVE = {true, false, true, false, true, false};

    @Test
    void ratesAtThresholdByHand() {
        // threshold 0.5: attack 0.7 accepted (1/3), live 0.4 rejected (1/3)
        LivenessMetrics.Rates r = LivenessMetrics.at(SCORES, LIVE, 0.5);
        assertEquals(1.0 / 3, r.apcer(), EPS);
        assertEquals(1.0 / 3, r.bpcer(), EPS);
        assertEquals(1.0 / 3, r.acer(), EPS);
        // threshold 0.75: no attack accepted, live 0.4 still the only one rejected
        r = LivenessMetrics.at(SCORES, LIVE, 0.75);
        assertEquals(0, r.apcer(), EPS);
        assertEquals(1.0 / 3, r.bpcer(), EPS);
        // threshold 0.85: live 0.8 rejected too
        assertEquals(2.0 / 3, LivenessMetrics.at(SCORES, LIVE, 0.85).bpcer(), EPS);
        // a score equal to the threshold is accepted
        assertEquals(1.0 / 3, LivenessMetrics.at(SCORES, LIVE, 0.7).apcer(), EPS);
    }

    @Test
    void thresholdForApcerIsLowestAdmissibleMidpoint() {
        // APCER 0 needs a threshold above 0.7; the lowest midpoint above it is (0.7 + 0.8) / 2
        assertEquals(0.75, LivenessMetrics.thresholdForApcer(SCORES, LIVE, 0), EPS);
        // APCER 1/3 allows 0.7 in: the lowest threshold rejecting 0.3 is (0.3 + 0.4) / 2
        assertEquals(0.35, LivenessMetrics.thresholdForApcer(SCORES, LIVE, 0.34), EPS);
    }

    @Test
    void equalErrorThresholdBalancesTheRates() {
        double t = LivenessMetrics.equalErrorThreshold(SCORES, LIVE);
        LivenessMetrics.Rates r = LivenessMetrics.at(SCORES, LIVE, t);
        assertEquals(r.apcer(), r.bpcer(), EPS);
        assertEquals(1.0 / 3, r.acer(), EPS);
    }

    @Test
    void bpcerAtApcerAndAuc() {
        assertEquals(1.0 / 3, LivenessMetrics.bpcerAtApcer(SCORES, LIVE, 0.05), EPS);
        assertEquals(0.0, LivenessMetrics.bpcerAtApcer(SCORES, LIVE, 0.34), EPS);
        assertEquals(8.0 / 9, LivenessMetrics.auc(SCORES, LIVE), EPS);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void calibratedThresholdMeetsTheTargetOnItsOwnScores(long seed) {
        Random random = new Random(seed);
        int n = 200;
        double[] scores = new double[n];
        boolean[] live = new boolean[n];
        for (int i = 0; i < n; i++) {
            live[i] = i % 3 != 0;
            scores[i] = random.nextGaussian() + (live[i] ? 1.5 : 0);
        }
        for (double target : new double[] {0.01, 0.05, 0.2}) {
            double t = LivenessMetrics.thresholdForApcer(scores, live, target);
            assertTrue(LivenessMetrics.at(scores, live, t).apcer() <= target);
            // the next lower candidate would exceed the target: the threshold is the lowest admissible one
            double lower = Math.nextDown(t);
            double below = java.util.Arrays.stream(scores).filter(s -> s < t).max().orElse(Double.NEGATIVE_INFINITY);
            assertTrue(LivenessMetrics.at(scores, live, Math.min(lower, below)).apcer() > target || below == Double.NEGATIVE_INFINITY);
        }
    }

    @Test
    void refusesOneClassAndNaN() {
        assertThrows(IllegalArgumentException.class, () -> LivenessMetrics.at(new double[] {1, 2}, new boolean[] {true, true}, 0.5));
        assertThrows(IllegalArgumentException.class, () -> LivenessMetrics.at(new double[] {Double.NaN, 2}, new boolean[] {true, false}, 0.5));
        assertThrows(IllegalArgumentException.class, () -> LivenessMetrics.thresholdForApcer(SCORES, LIVE, 1.5));
    }
}
