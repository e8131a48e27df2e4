package io.face4j.video.capture;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.face4j.Face;
import io.face4j.geometry.Box;
import io.face4j.liveness.temporal.Challenge;
import io.face4j.liveness.temporal.ChallengeSession;
import io.face4j.liveness.temporal.LivenessState;
import io.face4j.liveness.temporal.TemporalLiveness;
import io.face4j.liveness.temporal.TemporalOptions;
import io.face4j.liveness.temporal.TemporalResult;

/**
 * Temporal liveness of the person being captured: the largest face of each frame feeds a {@link TemporalLiveness};
 * when that face jumps (its box overlaps the previous one less than {@link #MIN_IOU}: a cut, or someone else now
 * largest) the window starts again, so two faces are never compared as one. The verdict over the whole capture is
 * LIVE once any window was live (3-D motion was seen), else SPOOF once any window was a spoof, else UNDECIDED.
 * With a {@link Challenge} the verdict is the {@link ChallengeSession}'s instead: LIVE once the asked movement came with
 * parallax, SPOOF when its time ran out. Not thread-safe.
 */
public final class CaptureLiveness {
    /** As the tracker's association bound (SORT's 0.3): below it the largest face is taken to be a different one. */
    static final double MIN_IOU = 0.3;

    private final TemporalLiveness check;
    private final Challenge challenge;
    private final TemporalOptions options;
    private ChallengeSession session;
    private Box last;
    private TemporalResult live;
    private TemporalResult spoof;
    private TemporalResult latest;

    public CaptureLiveness(TemporalOptions options) {
        this(options, null);
    }

    /** {@code challenge} may be null (passive motion parallax only). */
    public CaptureLiveness(TemporalOptions options, Challenge challenge) {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        this.options = options;
        this.check = new TemporalLiveness(options);
        this.challenge = challenge;
        this.session = challenge == null ? null : new ChallengeSession(challenge, options);
    }

    /** The faces of one frame at {@code micros}; frames without a face are skipped. */
    public void offer(List<Face> faces, long micros) {
        Optional<Face> largest = faces.stream().max(Comparator.comparingDouble(f -> f.box().area()));
        if (largest.isEmpty()) {
            return;
        }
        Face face = largest.get();
        if (last != null && last.iou(face.box()) < MIN_IOU) {
            check.reset();
            if (session != null && live == null && spoof == null) {
                // another face: its challenge starts again (the first frame of a session starts its clock)
                session = new ChallengeSession(challenge, options);
            }
        }
        last = face.box();
        if (session != null) {
            if (live == null && spoof == null) {
                latest = session.add(micros, face.landmarks());
            }
        } else {
            check.add(micros, face.landmarks());
            latest = check.result();
        }
        if (latest.state() == LivenessState.LIVE && live == null) {
            live = latest;
        } else if (latest.state() == LivenessState.SPOOF && spoof == null) {
            spoof = latest;
        }
    }

    public LivenessState verdict() {
        return live != null ? LivenessState.LIVE : spoof != null ? LivenessState.SPOOF : LivenessState.UNDECIDED;
    }

    /** The result that decided the verdict (the first live or spoof window), else the latest; empty before any face. */
    public Optional<TemporalResult> evidence() {
        return Optional.ofNullable(live != null ? live : spoof != null ? spoof : latest);
    }

    /** The challenge asked, or null. */
    public Challenge challenge() {
        return challenge;
    }

    /**
     * Why enrolment must be refused, or empty: always for SPOOF, and with {@code requireLive} or a challenge also when
     * liveness was not established.
     */
    public Optional<String> refusal(boolean requireLive) {
        LivenessState verdict = verdict();
        String detail = evidence().map(TemporalResult::reason).orElse("no face seen");
        if (verdict == LivenessState.SPOOF) {
            return Optional.of(challenge != null ? "refused: " + detail
                    : "refused: the face moved like a flat photo or screen, not a live head (" + detail + ")");
        }
        if ((requireLive || challenge != null) && verdict != LivenessState.LIVE) {
            return Optional.of("refused: liveness not established (" + detail + "); turn your head slowly while capturing");
        }
        return Optional.empty();
    }
}
