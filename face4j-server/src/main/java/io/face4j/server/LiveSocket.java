package io.face4j.server;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.face4j.gallery.RecognitionDefaults;
import io.face4j.image.RgbImage;
import io.face4j.liveness.temporal.TemporalOptions;
import io.face4j.liveness.temporal.TemporalResult;
import io.face4j.video.FrameResult;
import io.face4j.video.TrackView;
import io.face4j.video.VideoAnalyzer;
import io.face4j.video.VideoOptions;
import io.face4j.video.source.VideoFrame;
import io.face4j.video.track.RecognitionOptions;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;

/**
 * {@code /api/v1/live}: the client sends JPEG frames as binary messages and gets, per frame, the tracks with their ids,
 * boxes, names and temporal liveness (live / spoof / undecided, from the motion parallax of the landmarks) as JSON. One {@link VideoAnalyzer} (tracker with per-track recognition and hysteresis) per
 * connection. Frames are processed off Jetty's thread; when a frame arrives while one is being processed, only the
 * newest waits and older ones are dropped (counted in {@code dropped}). Thread-safe.
 */
final class LiveSocket {
    /** One connection: its tracker, the frame waiting to be processed, and whether a worker is on it. */
    private static final class Session {
        final VideoAnalyzer video;
        final long startNanos = System.nanoTime();
        final AtomicReference<byte[]> pending = new AtomicReference<>();
        final AtomicBoolean working = new AtomicBoolean();
        long frames;
        long dropped;

        Session(VideoAnalyzer video) {
            this.video = video;
        }
    }

    private final FaceService faces;
    private final ObjectMapper json;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "face4j-live");
        t.setDaemon(true);
        return t;
    });

    LiveSocket(FaceService faces, ObjectMapper json) {
        this.faces = faces;
        this.json = json;
    }

    void configure(WsConfig ws) {
        ws.onConnect(ctx -> sessions.put(ctx.sessionId(), new Session(newAnalyzer())));
        ws.onBinaryMessage(ctx -> offer(ctx, ctx.data()));
        ws.onClose(ctx -> sessions.remove(ctx.sessionId()));
        ws.onError(ctx -> sessions.remove(ctx.sessionId()));
    }

    private VideoAnalyzer newAnalyzer() {
        // detect on every frame: the client already paces frames to the server's speed
        RecognitionOptions recognition = RecognitionOptions.defaults().withPolicy(faces.policy())
                .withThreshold(RecognitionDefaults.threshold(faces.gallery(), faces.modelId(), faces.policy()));
        // liveness on every track: a 3 s window, as a browser may get only 3-6 answers a second from a busy server where
        // the calibrated 1.5 s window assumes 10 landmark sets a second; the decision needs its 8 sets either way
        return new VideoAnalyzer(faces.analyzer(), faces.gallery(), VideoOptions.defaults().withDetectEvery(1).withRecognition(recognition)
                .withLiveness(TemporalOptions.defaults().withWindowSeconds(3)));
    }

    private void offer(WsContext ctx, ByteBuffer data) {
        Session session = sessions.get(ctx.sessionId());
        if (session == null) {
            return;
        }
        byte[] frame = new byte[data.remaining()];
        data.get(frame);
        if (session.pending.getAndSet(frame) != null) {
            synchronized (session) {
                session.dropped++;
            }
        }
        if (session.working.compareAndSet(false, true)) {
            workers.execute(() -> drain(ctx, session));
        }
    }

    private void drain(WsContext ctx, Session session) {
        try {
            byte[] frame;
            while ((frame = session.pending.getAndSet(null)) != null) {
                ctx.send(answer(session, frame));
            }
        } finally {
            session.working.set(false);
        }
        if (session.pending.get() != null && session.working.compareAndSet(false, true)) {
            workers.execute(() -> drain(ctx, session));
        }
    }

    private String answer(Session session, byte[] jpeg) {
        long start = System.nanoTime();
        Map<String, Object> out = new LinkedHashMap<>();
        try {
            RgbImage image = faces.decode(new Uploads.Upload("frame", jpeg));
            FrameResult result;
            synchronized (session) {
                long micros = (start - session.startNanos) / 1000;
                result = faces.limiter().run(() -> session.video.process(new VideoFrame(image, session.frames++, micros)));
                out.put("frame", session.frames - 1);
                out.put("dropped", session.dropped);
            }
            out.put("width", image.width());
            out.put("height", image.height());
            out.put("tracks", tracks(result));
        } catch (RuntimeException e) {
            ApiException api = Errors.toApi(e);
            out.put("error", api.code);
            out.put("message", api.getMessage());
        }
        out.put("ms", Math.round((System.nanoTime() - start) / 1e5) / 10.0);
        try {
            return json.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Map<String, Object>> tracks(FrameResult result) {
        List<Map<String, Object>> tracks = new ArrayList<>();
        for (TrackView t : result.tracks()) {
            Map<String, Object> track = new LinkedHashMap<>();
            track.put("id", t.id());
            track.put("box", Views.box(t.box()));
            track.put("detected", t.detected());
            boolean known = t.label() != null && t.label().known();
            track.put("name", known ? t.label().name() : null);
            track.put("subjectId", known ? t.label().identityId() : null);
            track.put("similarity", t.label() == null || Double.isNaN(t.label().similarity()) ? null : Views.r4(t.label().similarity()));
            // match, below_threshold or low_quality; for low_quality the failed checks ("too_dark"), as in /recognize
            track.put("reason", t.label() == null ? null : t.label().reason());
            track.put("qualityReasons", t.label() == null ? List.of() : t.label().qualityReasons());
            track.put("liveness", liveness(t.liveness()));
            tracks.add(track);
        }
        return tracks;
    }

    /** {state: live|spoof|undecided, score (null while undecided without a score), reason}, or null. */
    private static Map<String, Object> liveness(TemporalResult r) {
        if (r == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", r.state().label());
        m.put("score", Double.isNaN(r.score()) ? null : Views.r4(r.score()));
        m.put("reason", r.reason());
        return m;
    }

    void close() {
        workers.shutdownNow();
    }
}
