package io.face4j.liveness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LivenessCombinerTest {

    @Test
    void scoreIsTheLogisticOfTheStandardisedSum() {
        LivenessCombiner c = new LivenessCombiner(List.of(LivenessCue.SHARPNESS, LivenessCue.CONTRAST),
                new double[] {1, 10}, new double[] {2, 5}, new double[] {1.5, -0.5}, 0.25);
        // z = 0.25 + 1.5 * (3 - 1) / 2 - 0.5 * (20 - 10) / 5 = 0.75
        assertEquals(1 / (1 + Math.exp(-0.75)), c.score(new double[] {3, 20}), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> c.score(new double[] {1}));
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void fitRecoversTheDirectionOfEachCue(long seed) {
        // cue A rises with liveness, cue B falls, cue C is noise
        Random random = new Random(seed);
        int n = 400;
        double[][] x = new double[n][3];
        boolean[] live = new boolean[n];
        for (int i = 0; i < n; i++) {
            live[i] = random.nextBoolean();
            x[i][0] = random.nextGaussian() + (live[i] ? 2 : 0);
            x[i][1] = 5 * random.nextGaussian() - (live[i] ? 10 : 0);
            x[i][2] = random.nextGaussian();
        }
        List<LivenessCue> cues = List.of(LivenessCue.SHARPNESS, LivenessCue.SPECULAR, LivenessCue.SATURATION);
        LivenessCombiner c = LivenessCombiner.fit(cues, x, live, LivenessCombiner.DEFAULT_L2);
        double[] w = c.weights();
        assertTrue(w[0] > 1, "sharpness weight " + w[0]);
        assertTrue(w[1] < -1, "specular weight " + w[1]);
        assertTrue(Math.abs(w[2]) < Math.min(Math.abs(w[0]), Math.abs(w[1])) / 3, "noise weight " + w[2]);
        int correct = 0;
        for (int i = 0; i < n; i++) {
            correct += (c.score(x[i]) >= 0.5) == live[i] ? 1 : 0;
        }
        assertTrue(correct > 0.9 * n, "training accuracy " + correct + "/" + n);
    }

    @Test
    void toJavaRoundTripsTheNumbers() {
        LivenessCombiner c = new LivenessCombiner(List.of(LivenessCue.SHARPNESS), new double[] {1.25}, new double[] {0.5},
                new double[] {-2}, 0.125);
        String java = c.toJava();
        assertTrue(java.contains("LivenessCue.SHARPNESS") && java.contains("1.25000") && java.contains("-2.00000")
                && java.contains("0.125000"), java);
    }

    @Test
    void refusesBadParameters() {
        assertThrows(IllegalArgumentException.class, () -> new LivenessCombiner(List.of(), new double[0], new double[0], new double[0], 0));
        assertThrows(IllegalArgumentException.class, () -> new LivenessCombiner(List.of(LivenessCue.SHARPNESS),
                new double[] {0}, new double[] {0}, new double[] {1}, 0));
        assertThrows(IllegalArgumentException.class, () -> new LivenessCombiner(List.of(LivenessCue.SHARPNESS, LivenessCue.SHARPNESS),
                new double[2], new double[] {1, 1}, new double[2], 0));
    }
}
