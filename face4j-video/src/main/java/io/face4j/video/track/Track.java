package io.face4j.video.track;

import io.face4j.embed.Embedding;
import io.face4j.geometry.Box;
import io.face4j.liveness.temporal.LivenessState;
import io.face4j.liveness.temporal.TemporalLiveness;
import io.face4j.liveness.temporal.TemporalResult;

/**
 * One face followed across frames: its box (measured or predicted at constant velocity), appearance and identity.
 * Mutated only by its {@link Tracker}; not thread-safe.
 */
public final class Track {
    private final int id;
    private final long firstFrame;
    private final long firstMicros;
    private final TrackIdentity identity;
    private Box box;
    private double[] velocity = new double[4];
    private long lastSeenFrame;
    private long lastSeenMicros;
    private int hits;
    private boolean confirmed;
    private Embedding appearance;
    /** The last detected box; {@link #box} may be a prediction from it. */
    private Box lastBox;
    /** Landmark motion parallax over the track's recent detections, or null when liveness is off. */
    private final TemporalLiveness liveness;
    private LivenessState reportedLiveness = LivenessState.UNDECIDED;

    Track(int id, Observation first, long frame, long micros, TrackIdentity identity, TemporalLiveness liveness) {
        this.id = id;
        this.firstFrame = frame;
        this.firstMicros = micros;
        this.identity = identity;
        this.box = first.box();
        this.lastBox = first.box();
        this.lastSeenFrame = frame;
        this.lastSeenMicros = micros;
        this.hits = 1;
        this.appearance = first.embedding() == null ? null : first.embedding().normalized();
        this.liveness = liveness;
        addLandmarks(first, micros);
    }

    /** The temporal liveness so far, or null when the tracker does not check liveness. */
    public TemporalResult liveness() {
        return liveness == null ? null : liveness.result();
    }

    /** True once per change of the liveness state since the last call (UNDECIDED at the start is no change). */
    boolean livenessChanged() {
        if (liveness == null) {
            return false;
        }
        LivenessState now = liveness.result().state();
        boolean changed = now != reportedLiveness;
        reportedLiveness = now;
        return changed;
    }

    private void addLandmarks(Observation o, long micros) {
        if (liveness != null && o.landmarks() != null) {
            liveness.add(micros, o.landmarks());
        }
    }

    public int id() {
        return id;
    }

    /** Where the face is now: the last detection, moved on by the measured velocity on frames without detection. */
    public Box box() {
        return box;
    }

    public boolean confirmed() {
        return confirmed;
    }

    public int hits() {
        return hits;
    }

    public long firstFrame() {
        return firstFrame;
    }

    public long firstMicros() {
        return firstMicros;
    }

    public long lastSeenFrame() {
        return lastSeenFrame;
    }

    public long lastSeenMicros() {
        return lastSeenMicros;
    }

    public Embedding appearance() {
        return appearance;
    }

    public TrackIdentity identity() {
        return identity;
    }

    /** The box at {@code frame}: the last detection moved on at the current velocity. */
    Box predicted(long frame) {
        long dt = frame - lastSeenFrame;
        return dt <= 0 ? lastBox : shifted(lastBox, dt);
    }

    private Box shifted(Box from, long dt) {
        double x1 = from.x1() + velocity[0] * dt;
        double y1 = from.y1() + velocity[1] * dt;
        double x2 = Math.max(x1, from.x2() + velocity[2] * dt);
        double y2 = Math.max(y1, from.y2() + velocity[3] * dt);
        return new Box(x1, y1, x2, y2);
    }

    void moveTo(long frame) {
        box = predicted(frame);
    }

    void update(Observation o, long frame, long micros, TrackerOptions options) {
        Box previous = lastBox;
        long dt = frame - lastSeenFrame;
        if (dt > 0) {
            // velocity per frame, smoothed: half the new measurement, half the old (a light alpha filter, not Kalman)
            double[] measured = {
                    (o.box().x1() - previous.x1()) / dt, (o.box().y1() - previous.y1()) / dt,
                    (o.box().x2() - previous.x2()) / dt, (o.box().y2() - previous.y2()) / dt};
            for (int i = 0; i < 4; i++) {
                velocity[i] = hits == 1 ? measured[i] : 0.5 * velocity[i] + 0.5 * measured[i];
            }
        }
        box = o.box();
        lastBox = o.box();
        addLandmarks(o, micros);
        lastSeenFrame = frame;
        lastSeenMicros = micros;
        hits++;
        if (hits >= options.minHits()) {
            confirmed = true;
        }
        if (o.embedding() != null) {
            Embedding e = o.embedding().normalized();
            appearance = appearance == null ? e : blend(appearance, e, options.appearanceMomentum());
        }
    }

    void confirm() {
        confirmed = true;
    }

    private static Embedding blend(Embedding old, Embedding fresh, double momentum) {
        float[] a = old.values();
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) (momentum * a[i] + (1 - momentum) * fresh.get(i));
        }
        return new Embedding(a, old.modelId()).normalized();
    }
}
