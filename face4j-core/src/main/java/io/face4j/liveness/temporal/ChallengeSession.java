package io.face4j.liveness.temporal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.face4j.geometry.Landmarks;
import io.face4j.geometry.Point;
import io.face4j.liveness.LivenessEvidence;
import io.face4j.quality.QualityEstimator;

/**
 * Challenge-response liveness: the person is asked to make a {@link Challenge} movement and must do it before the
 * timeout, with motion parallax ({@link TemporalLiveness}) confirming a 3-D head while they do. A flat picture can
 * be tilted but its nose never moves off the eye-mouth plane, so the pose estimates barely change and the residual
 * stays low. Feed the landmarks of each frame to {@link #add}; the result is UNDECIDED (with the instruction) until
 * the movement and parallax are seen (LIVE, then final) or the time is up (SPOOF, final).
 * Not thread-safe: one session per person and challenge.
 */
public final class ChallengeSession {
    public static final String POSE_CHANGE = "poseChange";
    /** Baseline pose: the median of the first few frames (3: one stray landmark set does not shift it). */
    private static final int BASELINE_FRAMES = 3;
    /**
     * Nose-tip depth in front of the eye-mouth plane as a share of the eye-to-mouth height: about 0.45 (roughly
     * 30 mm against 65-70 mm in adult faces); it converts the nose's vertical shift into rough pitch degrees.
     */
    private static final double NOSE_DEPTH_RATIO = 0.45;

    private final Challenge challenge;
    private final TemporalLiveness parallax;
    private final List<Double> baseline = new ArrayList<>();
    private long startMicros = Long.MIN_VALUE;
    private double base = Double.NaN;
    private double low = Double.POSITIVE_INFINITY;
    private double high = Double.NEGATIVE_INFINITY;
    private boolean moved;
    private TemporalResult finalResult;

    public ChallengeSession(Challenge challenge, TemporalOptions options) {
        if (challenge == null || options == null) {
            throw new IllegalArgumentException("challenge and options must not be null");
        }
        this.challenge = challenge;
        this.parallax = new TemporalLiveness(options);
    }

    public Challenge challenge() {
        return challenge;
    }

    /** Adds one frame's landmarks (time non-decreasing) and returns the state so far. */
    public TemporalResult add(long micros, Landmarks landmarks) {
        if (finalResult != null) {
            return finalResult;
        }
        if (startMicros == Long.MIN_VALUE) {
            startMicros = micros;
        }
        parallax.add(micros, landmarks);
        double pose = challenge.kind() == Challenge.Kind.NOD ? pitchDegrees(landmarks) : yawDegrees(landmarks);
        if (baseline.size() < BASELINE_FRAMES) {
            baseline.add(pose);
            base = baseline.stream().mapToDouble(Double::doubleValue).sorted().toArray()[baseline.size() / 2];
        }
        low = Math.min(low, pose);
        high = Math.max(high, pose);
        double change = switch (challenge.kind()) {
            case TURN_LEFT -> high - base;
            case TURN_RIGHT -> base - low;
            case NOD -> high - low;
        };
        moved |= change >= challenge.minDegrees();
        TemporalResult check = parallax.result();
        List<LivenessEvidence> evidence = new ArrayList<>(check.evidence());
        evidence.add(new LivenessEvidence(POSE_CHANGE, change, "degrees towards \"" + challenge.instruction() + "\" (rough)"));
        if (moved && check.live()) {
            finalResult = new TemporalResult(LivenessState.LIVE, check.score(), check.threshold(), check.frames(),
                    String.format(Locale.ROOT, "challenge met: %s (%.0f degrees) with parallax %.3f", challenge.instruction(),
                            change, check.value(TemporalLiveness.RESIDUAL)), evidence);
            return finalResult;
        }
        if (micros - startMicros > Math.round(challenge.timeoutSeconds() * 1e6)) {
            String why = moved ? "the movement showed no parallax, as a tilted picture" : "movement not seen";
            finalResult = new TemporalResult(LivenessState.SPOOF, Double.isNaN(check.score()) ? 0 : check.score(),
                    check.threshold(), check.frames(), String.format(Locale.ROOT, "challenge failed within %.0f s: %s",
                    challenge.timeoutSeconds(), why), evidence);
            return finalResult;
        }
        return new TemporalResult(LivenessState.UNDECIDED, check.score(), check.threshold(), check.frames(),
                challenge.instruction(), evidence);
    }

    /** Rough yaw in degrees, as {@link QualityEstimator#yawDegrees}. */
    public static double yawDegrees(Landmarks landmarks) {
        return QualityEstimator.yawDegrees(landmarks);
    }

    /**
     * Rough pitch in degrees, positive when the face tips down: with the roll undone, {@code v} is the nose's height
     * between the eye line (0) and the mouth line (1); a nose tip {@code d} in front of the plane shifts {@code v} by
     * {@code (d / h) tan(pitch)} for eye-to-mouth height {@code h}, so pitch = atan((v - 0.5) / 0.45). 0.5 is a
     * typical frontal {@code v} (0.5-0.65 on the Hamilton stage frames); only differences matter for a nod.
     */
    public static double pitchDegrees(Landmarks landmarks) {
        Point le = landmarks.leftEye();
        Point re = landmarks.rightEye();
        double roll = landmarks.roll();
        double cos = Math.cos(-roll);
        double sin = Math.sin(-roll);
        Point eyes = landmarks.eyeCentre();
        Point mouth = new Point((landmarks.mouthLeft().x() + landmarks.mouthRight().x()) / 2,
                (landmarks.mouthLeft().y() + landmarks.mouthRight().y()) / 2);
        double mouthY = (mouth.x() - eyes.x()) * sin + (mouth.y() - eyes.y()) * cos;
        double noseY = (landmarks.nose().x() - eyes.x()) * sin + (landmarks.nose().y() - eyes.y()) * cos;
        if (Math.abs(mouthY) < 1e-9 || le.distanceTo(re) < 1e-9) {
            return 0;
        }
        return Math.toDegrees(Math.atan((noseY / mouthY - 0.5) / NOSE_DEPTH_RATIO));
    }
}
