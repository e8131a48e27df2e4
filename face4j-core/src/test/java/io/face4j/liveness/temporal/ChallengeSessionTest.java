package io.face4j.liveness.temporal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.face4j.geometry.Landmarks;

class ChallengeSessionTest {
    private static final long FRAME = 100_000;

    /** Feeds {@code frames} landmark sets; returns the last result. */
    private static TemporalResult run(ChallengeSession session, int frames, java.util.function.IntFunction<Landmarks> frame) {
        TemporalResult last = null;
        for (int i = 0; i < frames; i++) {
            last = session.add(i * FRAME, frame.apply(i));
        }
        return last;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void turningToTheAskedSidePasses(long seed) {
        Random r = new Random(seed);
        // the person's left is the image's right: positive yaw of the model (nose towards +x)
        var session = new ChallengeSession(Challenge.of(Challenge.Kind.TURN_LEFT), TemporalOptions.defaults());
        TemporalResult first = session.add(0, HeadModel.head(0, 0, 0, 0, 0, r, 0.7));
        assertEquals(LivenessState.UNDECIDED, first.state());
        assertEquals("turn your head to your left", first.reason());
        TemporalResult result = run(session, 30, i -> HeadModel.head(Math.toRadians(Math.min(30, 3 * i)), 0, 0, 0, 0, r, 0.7));
        assertEquals(LivenessState.LIVE, result.state(), result.summary());
        assertTrue(result.value(ChallengeSession.POSE_CHANGE) >= 15, result.summary());
    }

    @Test
    void yawSignMatchesTheQualityEstimatorsAndANodMovesPitch() {
        Random r = new Random(1);
        assertTrue(ChallengeSession.yawDegrees(HeadModel.head(Math.toRadians(20), 0, 0, 0, 0, r, 0)) > 10);
        assertTrue(ChallengeSession.yawDegrees(HeadModel.head(Math.toRadians(-20), 0, 0, 0, 0, r, 0)) < -10);
        double down = ChallengeSession.pitchDegrees(HeadModel.head(0, Math.toRadians(20), 0, 0, 0, r, 0));
        double up = ChallengeSession.pitchDegrees(HeadModel.head(0, Math.toRadians(-20), 0, 0, 0, r, 0));
        assertTrue(Math.abs(down - up) > 20, "pitch +-20 degrees reads " + down + " and " + up);
    }

    @Test
    void turningTheWrongWayOrHoldingStillTimesOutAsASpoof() {
        Random r = new Random(2);
        var session = new ChallengeSession(Challenge.of(Challenge.Kind.TURN_LEFT), TemporalOptions.defaults());
        TemporalResult result = run(session, 60, i -> HeadModel.head(Math.toRadians(-Math.min(30, 3 * i)), 0, 0, 0, 0, r, 0.7));
        assertEquals(LivenessState.SPOOF, result.state(), result.summary());
        assertTrue(result.reason().contains("movement not seen"), result.reason());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void aPhotoTiltedToFakeANodFails(long seed) {
        Random r = new Random(seed);
        var session = new ChallengeSession(Challenge.of(Challenge.Kind.NOD), TemporalOptions.defaults());
        TemporalResult result = run(session, 60, i -> HeadModel.photo(0.2 * Math.sin(i / 3.0),
                Math.toRadians(35) * Math.sin(i / 4.0), 0, 0, 0, r, 0.7));
        assertEquals(LivenessState.SPOOF, result.state(), result.summary());
    }

    @Test
    void badChallengesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Challenge(Challenge.Kind.NOD, 0, 5));
        assertThrows(IllegalArgumentException.class, () -> new Challenge(Challenge.Kind.NOD, 15, 0));
        assertThrows(IllegalArgumentException.class, () -> new ChallengeSession(null, TemporalOptions.defaults()));
    }
}
