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
import io.face4j.quality.QualityAssessment;

/**
 * Chooses enrolment faces from a stream of analysed frames: one face per frame, good quality, not a near-copy of a
 * face already kept, and all of one person. Faces that pass are grouped by person (cosine to a group's mean at least
 * {@link CaptureOptions#minSamePerson()}); the person is the largest group, so a passer-by seen first does not decide
 * whom the capture is of. Counts why faces were turned down, so a short capture can say why. Not thread-safe.
 */
public final class FaceCapture {
    /** Why a frame gave no face. */
    public enum Rejection {
        NO_FACE("no face"), SEVERAL_FACES("more than one face"), TOO_SMALL("face too small"), BLURRED("blurred"),
        TOO_DARK("too dark"), TOO_BRIGHT("too bright"), NOT_FRONTAL("head turned"), PARTIAL("face cut by the frame"),
        DUPLICATE("same as a face already kept"),
        OTHER_PERSON("someone else than the person seen most");

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
    private final List<Group> groups = new ArrayList<>();
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
        for (Group g : groups) {
            for (Face f : g.faces) {
                if (f.embedding().cosine(face.embedding()) >= options.maxSimilarity()) {
                    return reject(Rejection.DUPLICATE, faces.size());
                }
            }
        }
        Group best = null;
        double bestCosine = options.minSamePerson();
        for (Group g : groups) {
            double c = g.mean().cosine(face.embedding());
            if (c >= bestCosine) {
                best = g;
                bestCosine = c;
            }
        }
        if (best == null) {
            best = new Group();
            groups.add(best);
        }
        best.add(face);
        return new Result(Optional.of(face), null, faces.size());
    }

    /** The faces of the person seen most, in the order they were kept. */
    public List<Face> kept() {
        return largest().map(g -> List.copyOf(g.faces)).orElse(List.of());
    }

    /** Good faces that belong to other people than the one seen most. */
    public int otherPeopleFaces() {
        int all = groups.stream().mapToInt(g -> g.faces.size()).sum();
        return all - keptCount();
    }

    private Optional<Group> largest() {
        return groups.stream().max(Comparator.comparingInt(g -> g.faces.size()));
    }

    private static final class Group {
        final List<Face> faces = new ArrayList<>();
        float[] sum;

        void add(Face face) {
            Embedding u = face.embedding().normalized();
            if (sum == null) {
                sum = new float[u.dimension()];
            }
            for (int i = 0; i < sum.length; i++) {
                sum[i] += u.get(i);
            }
            faces.add(face);
        }

        Embedding mean() {
            return new Embedding(sum, faces.get(0).embedding().modelId());
        }
    }

    /** The first failed check of the capture bar as a rejection, or null when the face passes. */
    private Rejection check(FaceQuality q) {
        QualityAssessment assessment = options.quality().assess(q);
        if (assessment.usable()) {
            return null;
        }
        return switch (assessment.reasons().get(0)) {
            case TOO_SMALL -> Rejection.TOO_SMALL;
            case TOO_DARK -> Rejection.TOO_DARK;
            case OVEREXPOSED -> Rejection.TOO_BRIGHT;
            case BLURRY -> Rejection.BLURRED;
            case TURNED_AWAY -> Rejection.NOT_FRONTAL;
            case PARTIAL -> Rejection.PARTIAL;
        };
    }

    private Result reject(Rejection why, int count) {
        rejections.merge(why, 1, Integer::sum);
        return new Result(Optional.empty(), why, count);
    }

    /** How many faces of the person seen most were kept. */
    public int keptCount() {
        return largest().map(g -> g.faces.size()).orElse(0);
    }

    /** How many frames were turned down for each reason (other people's faces: {@link #otherPeopleFaces()}). */
    public Map<Rejection, Integer> rejections() {
        return Map.copyOf(rejections);
    }

    /** "blurred 12, head turned 5" (most frequent first), or "" when nothing was turned down. */
    public String rejectionSummary() {
        Map<Rejection, Integer> all = new EnumMap<>(Rejection.class);
        all.putAll(rejections);
        if (otherPeopleFaces() > 0) {
            all.put(Rejection.OTHER_PERSON, otherPeopleFaces());
        }
        StringBuilder s = new StringBuilder();
        all.entrySet().stream().sorted(Map.Entry.<Rejection, Integer>comparingByValue().reversed()).forEach(e -> {
            if (s.length() > 0) {
                s.append(", ");
            }
            s.append(e.getKey().text()).append(' ').append(e.getValue());
        });
        return s.toString();
    }
}
