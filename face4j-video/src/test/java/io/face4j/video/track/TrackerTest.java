package io.face4j.video.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.face4j.embed.Embedding;
import io.face4j.geometry.Box;
import io.face4j.quality.FaceQuality;
import io.face4j.quality.QualityAssessment;
import io.face4j.quality.QualityBar;
import io.face4j.video.TrackView;
import io.face4j.video.render.FrameAnnotator;
import io.face4j.geometry.Landmarks;
import io.face4j.liveness.temporal.HeadModel;
import io.face4j.liveness.temporal.LivenessState;
import io.face4j.liveness.temporal.TemporalOptions;

class TrackerTest {
    private static final long FRAME_MICROS = 33_333;

    private static Embedding unit(double... v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return new Embedding(f, "test").normalized();
    }

    private static Observation face(double x, double y, Embedding e) {
        return new Observation(Box.ofSize(x, y, 50, 60), 0.99, e, 1.0, null);
    }

    private static Tracker tracker() {
        return new Tracker(TrackerOptions.defaults(), RecognitionOptions.defaults(), null);
    }

    private static List<TrackEvent> step(Tracker t, long frame, Observation... faces) {
        return t.update(frame, frame * FRAME_MICROS, List.of(faces));
    }

    /** A face box around modelled landmarks, detected every 3rd frame for 2 s. */
    private static List<TrackEvent> feed(Tracker t, java.util.function.IntFunction<Landmarks> landmarks) {
        List<TrackEvent> events = new ArrayList<>();
        for (int f = 0; f < 60; f += 3) {
            Landmarks l = landmarks.apply(f);
            Box b = l.bounds();
            Box box = new Box(b.x1() - 20, b.y1() - 30, b.x2() + 20, b.y2() + 20);
            events.addAll(t.update(f, f * FRAME_MICROS, List.of(new Observation(box, 0.99, null, 0, null, l))));
        }
        return events;
    }

    @Test
    void tracksCarryLivenessAndReportItsChanges() {
        java.util.Random r = new java.util.Random(5);
        Tracker head = new Tracker(TrackerOptions.defaults(), RecognitionOptions.defaults(), null, TemporalOptions.defaults());
        // a head turning +-25 degrees about once a second, as the singer's in the Hamilton clip
        List<TrackEvent> events = feed(head, f -> HeadModel.head(Math.toRadians(25) * Math.sin(f / 5.0), 0, 0, 0, 0, r, 0.7));
        assertEquals(LivenessState.LIVE, head.tracks().get(0).liveness().state(), head.tracks().get(0).liveness().summary());
        TrackEvent change = events.stream().filter(e -> e.type() == TrackEvent.Type.LIVENESS_CHANGED).findFirst().orElseThrow();
        assertEquals(LivenessState.LIVE, change.liveness().state());
        assertTrue(io.face4j.video.render.EventWriter.line(change).contains("\"liveness\":\"live\""), io.face4j.video.render.EventWriter.line(change));

        Tracker photo = new Tracker(TrackerOptions.defaults(), RecognitionOptions.defaults(), null, TemporalOptions.defaults());
        feed(photo, f -> HeadModel.photo(Math.toRadians(30) * Math.sin(f / 8.0), Math.toRadians(10) * Math.cos(f / 10.0),
                Math.toRadians(8) * Math.sin(f / 8.0), 20 * Math.sin(f / 8.0), 0, r, 0.7));
        assertEquals(LivenessState.SPOOF, photo.tracks().get(0).liveness().state(), photo.tracks().get(0).liveness().summary());
        List<TrackEvent> ended = photo.finish(60, 60 * FRAME_MICROS);
        assertEquals(LivenessState.SPOOF, ended.get(0).liveness().state());

        Tracker plain = tracker();
        feed(plain, f -> HeadModel.head(0, 0, 0, 0, 0, r, 0.7));
        assertNull(plain.tracks().get(0).liveness(), "no liveness unless asked for");
    }

    @Test
    void twoMovingFacesKeepTheirIds() {
        Tracker t = tracker();
        Embedding a = unit(1, 0, 0);
        Embedding b = unit(0, 1, 0);
        for (int f = 0; f < 20; f++) {
            step(t, f, face(100 + 4 * f, 100, a), face(400 - 4 * f, 120, b));
        }
        assertEquals(2, t.tracks().size());
        Track left = t.tracks().stream().filter(x -> x.box().x1() < 250).findFirst().orElseThrow();
        assertEquals(1, left.id());
        assertTrue(t.tracks().stream().allMatch(Track::confirmed));
    }

    @Test
    void tentativeTrackNeedsTwoHitsAndOneFrameFalsePositiveIsDropped() {
        Tracker t = tracker();
        List<TrackEvent> first = step(t, 0, face(100, 100, null));
        assertTrue(first.isEmpty(), "no track_started before the second hit");
        List<TrackEvent> second = step(t, 1, face(102, 100, null));
        assertEquals(TrackEvent.Type.TRACK_STARTED, second.get(0).type());
        step(t, 2, face(104, 100, null), face(400, 300, null));
        step(t, 3, face(106, 100, null));
        assertEquals(1, t.tracks().size(), "the one-frame detection at (400, 300) must not survive");
    }

    @Test
    void shortMissKeepsTheTrackAndPredictsItsMotionLongMissEndsIt() {
        Tracker t = tracker();
        for (int f = 0; f < 5; f++) {
            step(t, f, face(100 + 10 * f, 100, null));
        }
        int id = t.tracks().get(0).id();
        for (int f = 5; f < 10; f++) {
            t.predict(f, f * FRAME_MICROS);
        }
        // constant velocity: 10 px per frame, last seen at x1 = 140 on frame 4
        assertEquals(190, t.tracks().get(0).box().x1(), 1e-6);
        step(t, 10, face(200, 100, null));
        assertEquals(id, t.tracks().get(0).id(), "re-associated after a 5-frame gap");
        List<TrackEvent> ended = new ArrayList<>();
        for (int f = 11; f <= 11 + 31; f++) {
            ended.addAll(step(t, f));
        }
        assertEquals(List.of(TrackEvent.Type.TRACK_ENDED), ended.stream().map(TrackEvent::type).toList());
        assertTrue(t.tracks().isEmpty());
    }

    @Test
    void sceneCutToAnotherFaceAtTheSamePlaceStartsANewTrack() {
        Tracker t = tracker();
        Embedding a = unit(1, 0, 0);
        Embedding b = unit(0.1, 1, 0); // cosine to a is about 0.1, below the 0.4 veto
        for (int f = 0; f < 5; f++) {
            step(t, f, face(100, 100, a));
        }
        int before = t.tracks().get(0).id();
        step(t, 5, face(102, 100, b));
        step(t, 6, face(102, 100, b));
        Track now = t.tracks().stream().filter(Track::confirmed).filter(x -> x.lastSeenFrame() == 6).findFirst().orElseThrow();
        assertNotEquals(before, now.id());
    }

    @Test
    void labelNeedsConsistentDecisionsAndDoesNotFlicker() {
        List<String> answers = new ArrayList<>(List.of("anna", "anna", "bob", "anna", "bob", "bob", "bob"));
        RecognitionOptions options = RecognitionOptions.defaults().withDecisions(2, 3).withRecheckSeconds(1e-6);
        TrackIdentity identity = new TrackIdentity(options);
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            identity.add(unit(1, 0), 1, i * FRAME_MICROS);
            String name = answers.get(i);
            identity.decide(i * FRAME_MICROS, e -> new Label(name, name, 0.8));
            shown.add(identity.label() == null ? null : identity.label().name());
        }
        // 2 to label, a lone "bob" ignored, 3 bobs in a row to switch
        assertEquals(java.util.Arrays.asList(null, "anna", "anna", "anna", "anna", "anna", "bob"), shown);
    }

    @Test
    void fusedEmbeddingWeighsBetterFacesMore() {
        TrackIdentity identity = new TrackIdentity(RecognitionOptions.defaults());
        identity.add(unit(1, 0), 0.9, 0);
        identity.add(unit(0, 1), 0.1, 1);
        Embedding fused = identity.fused();
        assertTrue(fused.get(0) > 8 * fused.get(1), "fused " + fused);
        assertNull(new TrackIdentity(RecognitionOptions.defaults()).fused());
    }

    /**
     * A named track whose faces turn unusable (the light goes out) keeps its name while usable faces of the last window
     * remain, then after the switch hysteresis becomes unknown with the reason, and the views say so.
     */
    @Test
    void aTrackWithOnlyUnusableFacesIsUnknownForLowQuality() {
        RecognitionOptions options = RecognitionOptions.defaults().withDecisions(1, 2).withRecheckSeconds(1e-6);
        TrackIdentity identity = new TrackIdentity(options);
        QualityBar bar = options.quality();
        QualityAssessment good = bar.assess(new FaceQuality(40, 100, 500, 120, 40, 0, 0, 1));
        QualityAssessment dark = bar.assess(new FaceQuality(40, 100, 500, 3, 2, 0, 0, 1));
        assertEquals(List.of("too_dark"), dark.codes());
        identity.add(unit(1, 0), 1, good, 0);
        identity.decide(0, e -> new Label("anna", "anna", 0.8));
        assertEquals("anna", identity.label().name());
        long window = Math.round(options.windowSeconds() * 1e6);
        // still within the window: the good face decides
        identity.add(unit(1, 0), 1, dark, window / 2);
        assertTrue(identity.due(window / 2));
        identity.decide(window / 2, e -> new Label("anna", "anna", 0.8));
        assertEquals("anna", identity.label().name());
        // past the window only dark faces remain: two low-quality decisions switch the label
        for (int i = 1; i <= 2; i++) {
            long t = window * 2 + i;
            identity.add(unit(1, 0), 1, dark, t);
            assertTrue(identity.due(t));
            identity.decide(t, e -> { throw new AssertionError("no usable face: the gallery is not asked"); });
        }
        Label label = identity.label();
        assertEquals(Label.LOW_QUALITY, label.reason());
        assertEquals(List.of("too_dark"), label.qualityReasons());
        assertEquals("UNKNOWN (too dark)", label.text());
        assertEquals("#7 UNKNOWN (too dark)", FrameAnnotator.text(new TrackView(7, new Box(0, 0, 10, 10), true, label)));
        assertEquals("#7 UNKNOWN 0.20", FrameAnnotator.text(new TrackView(7, new Box(0, 0, 10, 10), true, new Label(null, null, 0.2))));
    }
}
