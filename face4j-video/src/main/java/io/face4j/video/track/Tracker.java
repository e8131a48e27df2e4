package io.face4j.video.track;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

import io.face4j.embed.Embedding;
import io.face4j.geometry.Box;
import io.face4j.quality.QualityAssessment;
import io.face4j.liveness.temporal.TemporalLiveness;
import io.face4j.liveness.temporal.TemporalOptions;

/**
 * Ties per-frame face detections into tracks, SORT-style: predict each track's box at constant velocity, associate
 * detections greedily by a score of IoU plus embedding cosine (DeepSORT's appearance cue), start tentative tracks for
 * the rest, confirm after a few hits and end tracks unseen for a while. Each confirmed track is recognised through
 * {@code recognizer} with hysteresis ({@link TrackIdentity}). Greedy rather than Hungarian assignment: with the few,
 * mostly well separated faces of a scene the two agree, and greedy never pairs a weak match to save a strong one.
 * Not thread-safe: one tracker per video.
 */
public final class Tracker {
    private final TrackerOptions options;
    private final RecognitionOptions recognition;
    private final Function<Embedding, Label> recognizer;
    private final TemporalOptions liveness;
    private final List<Track> tracks = new ArrayList<>();
    private int nextId = 1;

    /** {@code recognizer} may be null: tracks then carry no label. */
    public Tracker(TrackerOptions options, RecognitionOptions recognition, Function<Embedding, Label> recognizer) {
        this(options, recognition, recognizer, null);
    }

    /**
     * {@code liveness} may be null: tracks then carry no liveness. Otherwise each track runs a
     * {@link TemporalLiveness} on the landmarks of its detections.
     */
    public Tracker(TrackerOptions options, RecognitionOptions recognition, Function<Embedding, Label> recognizer,
                   TemporalOptions liveness) {
        if (options == null || recognition == null) {
            throw new IllegalArgumentException("options and recognition must not be null");
        }
        this.options = options;
        this.recognition = recognition;
        this.recognizer = recognizer;
        this.liveness = liveness;
    }

    /** The live tracks, confirmed or not. */
    public List<Track> tracks() {
        return List.copyOf(tracks);
    }

    /** A frame without detection: tracks move on at their velocity; tracks unseen too long end. */
    public List<TrackEvent> predict(long frame, long micros) {
        List<TrackEvent> events = new ArrayList<>();
        for (Track t : tracks) {
            t.moveTo(frame);
        }
        endStale(frame, micros, events);
        return events;
    }

    /** A frame with detections (possibly none). */
    public List<TrackEvent> update(long frame, long micros, List<Observation> observations) {
        List<TrackEvent> events = new ArrayList<>();
        for (Track t : tracks) {
            t.moveTo(frame);
        }
        boolean[] used = new boolean[observations.size()];
        List<Track> matched = new ArrayList<>();
        for (Pair p : associate(frame, observations)) {
            Track t = tracks.get(p.track());
            Observation o = observations.get(p.observation());
            used[p.observation()] = true;
            boolean wasConfirmed = t.confirmed();
            t.update(o, frame, micros, options);
            matched.add(t);
            if (!wasConfirmed && t.confirmed()) {
                events.add(new TrackEvent(TrackEvent.Type.TRACK_STARTED, frame, micros, t.id(), t.box(), null, null));
            }
            t.identity().add(o.embedding(), o.weight(), assess(o), micros);
        }
        // a tentative track missed on its next detection frame was a false positive (SORT deletes it at once)
        tracks.removeIf(t -> !t.confirmed() && !matched.contains(t));
        for (int i = 0; i < observations.size(); i++) {
            if (!used[i]) {
                Observation o = observations.get(i);
                Track t = new Track(nextId++, o, frame, micros, new TrackIdentity(recognition),
                        liveness == null ? null : new TemporalLiveness(liveness));
                t.identity().add(o.embedding(), o.weight(), assess(o), micros);
                tracks.add(t);
                if (options.minHits() <= 1) {
                    t.confirm();
                    events.add(new TrackEvent(TrackEvent.Type.TRACK_STARTED, frame, micros, t.id(), t.box(), null, null));
                }
            }
        }
        recognise(frame, micros, events);
        reportLiveness(frame, micros, events);
        endStale(frame, micros, events);
        return events;
    }

    /** Ends every track (end of the video). */
    public List<TrackEvent> finish(long frame, long micros) {
        List<TrackEvent> events = new ArrayList<>();
        for (Track t : tracks) {
            if (t.confirmed()) {
                events.add(ended(t, frame, micros));
            }
        }
        tracks.clear();
        return events;
    }

    private void recognise(long frame, long micros, List<TrackEvent> events) {
        if (recognizer == null) {
            return;
        }
        for (Track t : tracks) {
            if (!t.confirmed() || !t.identity().due(micros)) {
                continue;
            }
            TrackIdentity.LabelChange change = t.identity().decide(micros, recognizer);
            if (change != null) {
                TrackEvent.Type type = change.before() == null ? TrackEvent.Type.IDENTIFIED : TrackEvent.Type.IDENTITY_CHANGED;
                events.add(new TrackEvent(type, frame, micros, t.id(), t.box(), change.after(), change.before()));
            }
        }
    }

    private void reportLiveness(long frame, long micros, List<TrackEvent> events) {
        for (Track t : tracks) {
            if (t.confirmed() && t.livenessChanged()) {
                events.add(new TrackEvent(TrackEvent.Type.LIVENESS_CHANGED, frame, micros, t.id(), t.box(),
                        t.identity().label(), null, t.liveness()));
            }
        }
    }

    private void endStale(long frame, long micros, List<TrackEvent> events) {
        long timeout = Math.round(options.maxMissedSeconds() * 1e6);
        for (Iterator<Track> it = tracks.iterator(); it.hasNext(); ) {
            Track t = it.next();
            if (micros - t.lastSeenMicros() > timeout) {
                if (t.confirmed()) {
                    events.add(ended(t, frame, micros));
                }
                it.remove();
            }
        }
    }

    private static TrackEvent ended(Track t, long frame, long micros) {
        return new TrackEvent(TrackEvent.Type.TRACK_ENDED, frame, micros, t.id(), t.box(), t.identity().label(), null,
                t.liveness());
    }

    record Pair(int track, int observation, double score) {
    }

    /** Greedy assignment: every gated (track, detection) pair by descending score, each side used once. */
    List<Pair> associate(long frame, List<Observation> observations) {
        List<Pair> candidates = new ArrayList<>();
        for (int t = 0; t < tracks.size(); t++) {
            Track track = tracks.get(t);
            Box predicted = track.predicted(frame);
            for (int o = 0; o < observations.size(); o++) {
                Observation obs = observations.get(o);
                double iou = predicted.iou(obs.box());
                double cosine = track.appearance() != null && obs.embedding() != null
                        && track.appearance().modelId().equals(obs.embedding().modelId())
                        ? track.appearance().cosine(obs.embedding()) : Double.NaN;
                boolean nearby = centreDistance(predicted, obs.box()) <= 2 * Math.max(predicted.width(), obs.box().width());
                boolean gated = iou >= options.minIou() || (cosine >= options.minCosine() && nearby);
                // two faces that overlap but look like different people (a scene cut) are not the same track
                if (gated && !(cosine < options.vetoCosine())) {
                    double score = iou + options.embeddingWeight() * (Double.isNaN(cosine) ? 0 : Math.max(0, cosine));
                    candidates.add(new Pair(t, o, score));
                }
            }
        }
        candidates.sort(Comparator.comparingDouble(Pair::score).reversed());
        boolean[] trackUsed = new boolean[tracks.size()];
        boolean[] obsUsed = new boolean[observations.size()];
        List<Pair> pairs = new ArrayList<>();
        for (Pair p : candidates) {
            if (!trackUsed[p.track()] && !obsUsed[p.observation()]) {
                trackUsed[p.track()] = true;
                obsUsed[p.observation()] = true;
                pairs.add(p);
            }
        }
        return pairs;
    }

    private static double centreDistance(Box a, Box b) {
        return Math.hypot(a.centre().x() - b.centre().x(), a.centre().y() - b.centre().y());
    }

    /** The face's assessment against the recognition bar, or null when the observation carries no face. */
    private QualityAssessment assess(Observation o) {
        return o.face() == null ? null : recognition.quality().assess(o.face().quality());
    }
}
