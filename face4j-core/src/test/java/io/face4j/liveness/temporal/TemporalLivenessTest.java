package io.face4j.liveness.temporal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.face4j.geometry.Landmarks;

/** The temporal check on landmarks of a modelled head and a modelled flat photo, with 0.7 px of detector jitter. */
class TemporalLivenessTest {
    private static final long FRAME = 100_000; // 10 landmark sets a second: detection on every 3rd frame at 30 fps
    private static final double JITTER = 0.7;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void aHeadTurningOrNoddingIsLive(long seed) {
        Random r = new Random(seed);
        TemporalLiveness check = new TemporalLiveness();
        double yawAmp = Math.toRadians(10 + 15 * r.nextDouble());
        double pitchAmp = Math.toRadians(5 * r.nextDouble());
        double phase = r.nextDouble() * 2 * Math.PI;
        for (int i = 0; i < 15; i++) {
            double t = i * 0.1;
            check.add(i * FRAME, HeadModel.head(yawAmp * Math.sin(2 * Math.PI * 0.7 * t + phase),
                    pitchAmp * Math.cos(2 * Math.PI * 0.5 * t), 0, 20 * t, 0, r, JITTER));
        }
        TemporalResult result = check.result();
        assertEquals(LivenessState.LIVE, result.state(), result.summary());
        assertTrue(result.score() >= 0.5 && result.score() <= 1, result.summary());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void aPhotoWavedAndTiltedIsASpoof(long seed) {
        Random r = new Random(seed);
        TemporalLiveness check = new TemporalLiveness();
        double tilt = Math.toRadians(15 + 25 * r.nextDouble());
        double phase = r.nextDouble() * 2 * Math.PI;
        for (int i = 0; i < 15; i++) {
            double t = i * 0.1;
            double s = Math.sin(2 * Math.PI * 0.6 * t + phase);
            check.add(i * FRAME, HeadModel.photo(tilt * s, 0.5 * tilt * Math.cos(2 * Math.PI * 0.4 * t),
                    Math.toRadians(10) * s, 30 * s, 10 * t, r, JITTER));
        }
        TemporalResult result = check.result();
        assertEquals(LivenessState.SPOOF, result.state(), result.summary());
        assertTrue(result.score() < 0.5, result.summary());
        assertTrue(result.value(TemporalLiveness.MOTION) >= TemporalOptions.DEFAULT_MIN_MOTION, result.summary());
    }

    @Test
    void aStillFaceIsUndecidedAndSoAreTooFewFrames() {
        Random r = new Random(7);
        TemporalLiveness check = new TemporalLiveness();
        for (int i = 0; i < 15; i++) {
            check.add(i * FRAME, HeadModel.head(0, 0, 0, 0, 0, r, JITTER));
            if (i < 7) {
                assertEquals(LivenessState.UNDECIDED, check.result().state());
                assertTrue(check.result().reason().startsWith("collecting frames"), check.result().reason());
            }
        }
        TemporalResult result = check.result();
        assertEquals(LivenessState.UNDECIDED, result.state(), result.summary());
        assertTrue(result.reason().contains("too little motion"), result.reason());
    }

    @Test
    void aFaceTooSmallIsUndecidedAndOldFramesLeaveTheWindow() {
        Random r = new Random(3);
        TemporalLiveness check = new TemporalLiveness(TemporalOptions.defaults().withMinInterocular(200));
        for (int i = 0; i < 12; i++) {
            check.add(i * FRAME, HeadModel.head(Math.toRadians(20) * Math.sin(i), 0, 0, 0, 0, r, JITTER));
        }
        assertTrue(check.result().reason().startsWith("face too small"), check.result().reason());
        TemporalLiveness windowed = new TemporalLiveness();
        for (int i = 0; i < 30; i++) {
            windowed.add(i * FRAME, HeadModel.head(0, 0, 0, 0, 0, r, JITTER));
        }
        assertEquals(16, windowed.frames(), "1.5 s at 10 per second, both ends included");
    }

    @Test
    void misuseIsRefused() {
        TemporalLiveness check = new TemporalLiveness();
        Landmarks l = HeadModel.head(0, 0, 0, 0, 0, new Random(1), 0);
        check.add(1000, l);
        assertThrows(IllegalArgumentException.class, () -> check.add(999, l));
        assertThrows(IllegalArgumentException.class, () -> check.add(2000, null));
        assertThrows(IllegalArgumentException.class, () -> new TemporalLiveness(null));
        assertThrows(IllegalArgumentException.class, () -> TemporalOptions.defaults().withMinFrames(2));
        assertThrows(IllegalArgumentException.class, () -> TemporalOptions.defaults().withThreshold(0));
    }
}
