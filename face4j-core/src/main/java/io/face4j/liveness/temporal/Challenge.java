package io.face4j.liveness.temporal;

import java.util.Objects;

/**
 * A head movement asked of the person in front of the camera ("turn your head to your left"), with a timeout.
 * Immutable; thread-safe.
 *
 * @param kind           which movement
 * @param minDegrees     how far the head must turn (yaw, for turns) or swing (pitch range, for a nod), in the rough
 *                       degrees of {@link ChallengeSession#yawDegrees} and {@link ChallengeSession#pitchDegrees}
 * @param timeoutSeconds time allowed from the first frame
 */
public record Challenge(Kind kind, double minDegrees, double timeoutSeconds) {
    public enum Kind {
        /**
         * The person's own left: on an unmirrored camera image their nose moves towards the image's right edge,
         * which is positive yaw in {@link io.face4j.quality.QualityEstimator#yawDegrees}.
         */
        TURN_LEFT,
        TURN_RIGHT,
        /** Down and up (or up and down). */
        NOD
    }

    public Challenge {
        Objects.requireNonNull(kind, "kind");
        if (!(minDegrees > 0 && minDegrees < 90)) {
            throw new IllegalArgumentException("minDegrees must be in (0, 90), got " + minDegrees);
        }
        if (!(timeoutSeconds > 0) || Double.isInfinite(timeoutSeconds)) {
            throw new IllegalArgumentException("timeoutSeconds must be finite and > 0, got " + timeoutSeconds);
        }
    }

    /**
     * {@code kind} with 15 degrees in 5 s: a deliberate turn, past the 7-14 degrees of yaw that the detector's
     * landmarks drift through on tilted planar photos (five-celebrity-faces planar clips), and well within the
     * 20-50 degree swings of a singer's head in the Hamilton clip.
     */
    public static Challenge of(Kind kind) {
        return new Challenge(kind, 15, 5);
    }

    /** What to tell the person. */
    public String instruction() {
        return switch (kind) {
            case TURN_LEFT -> "turn your head to your left";
            case TURN_RIGHT -> "turn your head to your right";
            case NOD -> "nod your head";
        };
    }
}
