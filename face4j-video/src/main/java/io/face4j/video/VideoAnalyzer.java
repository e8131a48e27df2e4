package io.face4j.video;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.face4j.FaceAnalyzer;
import io.face4j.detect.Detection;
import io.face4j.embed.Embedding;
import io.face4j.embed.FaceEmbedder;
import io.face4j.gallery.Decision;
import io.face4j.gallery.Gallery;
import io.face4j.gallery.MatchOptions;
import io.face4j.gallery.Matcher;
import io.face4j.image.RgbImage;
import io.face4j.quality.FaceQuality;
import io.face4j.quality.QualityEstimator;
import io.face4j.video.source.VideoFrame;
import io.face4j.video.track.Label;
import io.face4j.video.track.Observation;
import io.face4j.video.track.RecognitionOptions;
import io.face4j.video.track.SampleWeight;
import io.face4j.video.track.Track;
import io.face4j.video.track.TrackEvent;
import io.face4j.video.track.Tracker;

/**
 * Faces in video: detects every Nth frame (on a downscaled copy when the frame is large), embeds the faces from the
 * full-size frame, tracks them, recognises each track against a gallery and, with {@link VideoOptions#liveness()},
 * checks each track for liveness from the motion of its landmarks. Feed frames in order to
 * {@link #process}, then call {@link #finish}. Not thread-safe: one per video. Does not own the analyzer or gallery.
 */
public final class VideoAnalyzer {
    private final FaceAnalyzer analyzer;
    private final FaceEmbedder embedder;
    private final VideoOptions options;
    private final Tracker tracker;
    private final QualityEstimator quality = new QualityEstimator();
    private long framesSeen;
    private long lastDetectionFrame;
    private VideoFrame last;

    /**
     * @param analyzer the detector (and embedder, unless detect-only)
     * @param gallery  the identities to recognise, or null for tracking without names
     */
    public VideoAnalyzer(FaceAnalyzer analyzer, Gallery gallery, VideoOptions options) {
        if (analyzer == null || options == null) {
            throw new IllegalArgumentException("analyzer and options must not be null");
        }
        this.analyzer = analyzer;
        this.embedder = analyzer.embedder().orElse(null);
        this.options = options;
        this.tracker = new Tracker(options.tracker(), options.recognition(),
                gallery != null && embedder != null ? recognizer(gallery, embedder.modelId(), options.recognition()) : null,
                options.liveness());
    }

    /** The threshold used: the option, else the gallery's stored one, else the fallback. */
    public static double threshold(Gallery gallery, String modelId, RecognitionOptions recognition) {
        if (!Double.isNaN(recognition.threshold())) {
            return recognition.threshold();
        }
        return gallery.threshold(modelId, recognition.policy()).orElse(RecognitionOptions.FALLBACK_THRESHOLD);
    }

    private static java.util.function.Function<Embedding, Label> recognizer(Gallery gallery, String modelId,
                                                                            RecognitionOptions recognition) {
        Matcher matcher = new Matcher(gallery);
        MatchOptions match = MatchOptions.defaults().withPolicy(recognition.policy())
                .withThreshold(threshold(gallery, modelId, recognition)).withTopK(2);
        return embedding -> {
            Decision d = matcher.decide(modelId, embedding.values(), match);
            boolean known = !d.unknown() && d.margin() >= recognition.minMargin();
            if (!known) {
                return new Label(null, null, d.similarity());
            }
            var best = d.best().orElseThrow();
            return new Label(best.name(), best.identityId(), d.similarity());
        };
    }

    public FrameResult process(VideoFrame frame) {
        if (frame == null) {
            throw new IllegalArgumentException("frame must not be null");
        }
        last = frame;
        boolean detect = framesSeen++ % options.detectEvery() == 0;
        List<TrackEvent> events;
        if (detect) {
            events = tracker.update(frame.index(), frame.timestampMicros(), observe(frame.image()));
        } else {
            events = tracker.predict(frame.index(), frame.timestampMicros());
        }
        if (detect) {
            lastDetectionFrame = frame.index();
        }
        List<TrackView> views = new ArrayList<>();
        // a track the last detection missed stays alive for re-association but is not shown (as in SORT): its
        // predicted box drifts, and after a scene cut it would sit on someone else's face
        for (Track t : tracker.tracks()) {
            if (t.confirmed() && t.lastSeenFrame() >= lastDetectionFrame) {
                views.add(new TrackView(t.id(), t.box(), t.lastSeenFrame() == frame.index(), t.identity().label(), t.liveness()));
            }
        }
        return new FrameResult(frame, detect, views, events);
    }

    /** Ends the remaining tracks after the last frame. */
    public List<TrackEvent> finish() {
        if (last == null) {
            return List.of();
        }
        return tracker.finish(last.index(), last.timestampMicros());
    }

    /** Detections of one frame in source pixels, with embeddings and sample weights when there is an embedder. */
    List<Observation> observe(RgbImage image) {
        List<Detection> detections = detect(image);
        List<Observation> observations = new ArrayList<>(detections.size());
        if (embedder == null) {
            for (Detection d : detections) {
                observations.add(new Observation(d.box(), d.score(), null, 0, null, d.landmarks()));
            }
            return observations;
        }
        List<RgbImage> crops = new ArrayList<>(detections.size());
        for (Detection d : detections) {
            crops.add(embedder.aligner().align(image, d));
        }
        List<Embedding> embeddings = embedder.embed(crops);
        for (int i = 0; i < detections.size(); i++) {
            Detection d = detections.get(i);
            FaceQuality q = quality.estimate(image, d);
            observations.add(new Observation(d.box(), d.score(), embeddings.get(i), SampleWeight.of(q),
                    new io.face4j.Face(d.box(), d.score(), d.landmarks(), crops.get(i), embeddings.get(i), q)));
        }
        return observations;
    }

    private List<Detection> detect(RgbImage image) {
        int side = Math.max(image.width(), image.height());
        if (options.detectMaxSide() == 0 || side <= options.detectMaxSide()) {
            return analyzer.detector().detect(image);
        }
        double scale = (double) options.detectMaxSide() / side;
        int w = Math.max(1, (int) Math.round(image.width() * scale));
        int h = Math.max(1, (int) Math.round(image.height() * scale));
        RgbImage small = image.resizeBilinear(w, h);
        // after rounding the copy is not exactly `scale` times the source: map back by the width ratio (the height
        // ratio differs by under a pixel)
        double back = (double) image.width() / w;
        List<Detection> found = analyzer.detector().detect(small);
        List<Detection> mapped = new ArrayList<>(found.size());
        for (Detection d : found) {
            mapped.add(new Detection(d.box().scale(back), d.score(), d.landmarks() == null ? null : d.landmarks().scale(back)));
        }
        return mapped;
    }

    /** The analyzer's embedder model id, if it embeds. */
    public Optional<String> modelId() {
        return Optional.ofNullable(embedder).map(FaceEmbedder::modelId);
    }
}
