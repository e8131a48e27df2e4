package io.face4j.video.capture;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.face4j.Face;
import io.face4j.embed.Embedding;
import io.face4j.quality.FaceQuality;

/**
 * Chooses enrolment faces from a stream of analysed frames: one face per frame, good quality, not a near-copy of a
 * face already kept. Counts why faces were turned down, so a short capture can say why. Not thread-safe.
 */
public final class FaceCapture {
    /** Why a frame gave no face. */
    public enum Rejection {
        NO_FACE("no face"), SEVERAL_FACES("more than one face"), TOO_SMALL("face too small"), BLURRED("blurred"),
        TOO_DARK("too dark"), TOO_BRIGHT("too bright"), NOT_FRONTAL("head turned"), DUPLICATE("same as a face already kept"),
        OTHER_PERSON("someone else than the faces already kept");

        private final String text;

        Rejection(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /**
     * The outcome for one frame.
     *
     * @param face      the kept face, or empty
     * @param rejection why nothing was kept, or null
     * @param faceCount faces in the frame (more than 1 with a kept face: the largest was taken)
     */
    public record Result(Optional<Face> face, Rejection rejection, int faceCount) {
    }

    private final CaptureOptions options;
    private final List<Embedding> kept = new ArrayList<>();
    private final Map<Rejection, Integer> rejections = new EnumMap<>(Rejection.class);

    public FaceCapture(CaptureOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        this.options = options;
    }

    /** Considers the faces of one frame (from {@link io.face4j.FaceAnalyzer#analyze}, with embeddings). */
    public Result offer(List<Face> faces) {
        if (faces.isEmpty()) {
            return reject(Rejection.NO_FACE, 0);
        }
        if (faces.size() > 1 && options.singleFace()) {
            return reject(Rejection.SEVERAL_FACES, faces.size());
        }
        Face face = faces.stream().max(Comparator.comparingDouble(f -> f.box().area())).orElseThrow();
        Rejection quality = check(face.quality());
        if (quality != null) {
            return reject(quality, faces.size());
        }
        if (face.embedding() == null) {
            throw new IllegalArgumentException("faces must carry embeddings (use FaceAnalyzer.analyze)");
        }
        for (Embedding e : kept) {
            if (e.cosine(face.embedding()) >= options.maxSimilarity()) {
                return reject(Rejection.DUPLICATE, faces.size());
            }
        }
        if (!kept.isEmpty() && centroid().cosine(face.embedding()) < options.minSamePerson()) {
            return reject(Rejection.OTHER_PERSON, faces.size());
        }
        kept.add(face.embedding());
        return new Result(Optional.of(face), null, faces.size());
    }

    private Embedding centroid() {
        float[] sum = new float[kept.get(0).dimension()];
        for (Embedding e : kept) {
            Embedding u = e.normalized();
            for (int i = 0; i < sum.length; i++) {
                sum[i] += u.get(i);
            }
        }
        return new Embedding(sum, kept.get(0).modelId());
    }

    private Rejection check(FaceQuality q) {
        if (q.interOcularPx() < options.minInterOcularPx()) {
            return Rejection.TOO_SMALL;
        }
        if (q.sharpness() < options.minSharpness()) {
            return Rejection.BLURRED;
        }
        if (q.brightness() < options.minBrightness()) {
            return Rejection.TOO_DARK;
        }
        if (q.brightness() > options.maxBrightness()) {
            return Rejection.TOO_BRIGHT;
        }
        if (Math.abs(q.yawDegrees()) > options.maxYawDegrees()) {
            return Rejection.NOT_FRONTAL;
        }
        return null;
    }

    private Result reject(Rejection why, int count) {
        rejections.merge(why, 1, Integer::sum);
        return new Result(Optional.empty(), why, count);
    }

    public int keptCount() {
        return kept.size();
    }

    /** How many frames were turned down for each reason. */
    public Map<Rejection, Integer> rejections() {
        return Map.copyOf(rejections);
    }

    /** "blurred 12, head turned 5" (most frequent first), or "" when nothing was turned down. */
    public String rejectionSummary() {
        StringBuilder s = new StringBuilder();
        rejections.entrySet().stream().sorted(Map.Entry.<Rejection, Integer>comparingByValue().reversed()).forEach(e -> {
            if (s.length() > 0) {
                s.append(", ");
            }
            s.append(e.getKey().text()).append(' ').append(e.getValue());
        });
        return s.toString();
    }
}
