package io.face4j.liveness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.face4j.Face;
import io.face4j.detect.Detection;
import io.face4j.geometry.Box;
import io.face4j.image.RgbImage;

/**
 * Passive (single-image) liveness: measures the {@link LivenessCue}s of a face and combines them into a live
 * probability with a {@link LivenessCombiner}. Thread-safe: one detector may serve many threads. Closing it closes the
 * model it opened.
 */
public final class LivenessDetector implements AutoCloseable {
    private final LivenessOptions options;
    private final List<LivenessCue> cues;
    private final AntiSpoofingModel antiSpoofing;
    private final HumanModel humanAntispoof;
    private final HumanModel humanLiveness;

    private LivenessDetector(LivenessOptions options) {
        this.options = options;
        this.cues = options.measuredCues();
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            this.antiSpoofing = cues.contains(LivenessCue.FACE_ANTI_SPOOFING) ? track(new AntiSpoofingModel(options.onnx()), opened) : null;
            this.humanAntispoof = cues.contains(LivenessCue.HUMAN_ANTISPOOF) ? track(HumanModel.antispoof(options.onnx()), opened) : null;
            this.humanLiveness = cues.contains(LivenessCue.HUMAN_LIVENESS) ? track(HumanModel.liveness(options.onnx()), opened) : null;
        } catch (RuntimeException e) {
            for (AutoCloseable c : opened) {
                try {
                    c.close();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    private static <T extends AutoCloseable> T track(T model, List<AutoCloseable> opened) {
        opened.add(model);
        return model;
    }

    /** The committed defaults ({@link LivenessOptions#defaults()}). */
    public static LivenessDetector create() {
        return create(LivenessOptions.defaults());
    }

    public static LivenessDetector create(LivenessOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        return new LivenessDetector(options);
    }

    public LivenessOptions options() {
        return options;
    }

    /** The verdict for the face {@code face} (box and landmarks in source-image pixels) in {@code image}. */
    public LivenessResult check(RgbImage image, Detection face) {
        if (face == null) {
            throw new IllegalArgumentException("face must not be null");
        }
        return check(image, face.box());
    }

    /** As {@link #check(RgbImage, Detection)} for a face from {@link io.face4j.FaceAnalyzer}. */
    public LivenessResult check(RgbImage image, Face face) {
        if (face == null) {
            throw new IllegalArgumentException("face must not be null");
        }
        return check(image, face.box());
    }

    private LivenessResult check(RgbImage image, Box box) {
        Map<LivenessCue, Double> values = measure(image, box);
        List<LivenessCue> combined = options.combiner().cues();
        double[] x = new double[combined.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = values.get(combined.get(i));
        }
        double score = options.combiner().score(x);
        List<LivenessEvidence> evidence = new ArrayList<>();
        for (Map.Entry<LivenessCue, Double> e : values.entrySet()) {
            String role = combined.contains(e.getKey()) ? "" : " (reported, not scored)";
            evidence.add(new LivenessEvidence(e.getKey().id(), e.getValue(), e.getKey().description() + role));
        }
        return LivenessResult.of(score, options.threshold(), evidence);
    }

    /** The raw value of every measured cue ({@link LivenessOptions#measuredCues()}) for the face in {@code box}. */
    public Map<LivenessCue, Double> measure(RgbImage image, Box box) {
        FaceRegion region = FaceRegion.of(image, box);
        Map<LivenessCue, Double> values = new LinkedHashMap<>();
        for (LivenessCue cue : cues) {
            double value = switch (cue) {
                case FACE_ANTI_SPOOFING -> antiSpoofing.score(region.square);
                case SHARPNESS -> ImageCues.sharpness(region);
                case HIGH_FREQUENCY -> ImageCues.highFrequency(region);
                case SPECULAR -> ImageCues.specular(region);
                case SATURATION -> ImageCues.saturation(region);
                case CHROMA_SPREAD -> ImageCues.chromaSpread(region);
                case CONTRAST -> ImageCues.contrast(region);
                case HUMAN_ANTISPOOF -> humanAntispoof.score(image, box);
                case HUMAN_LIVENESS -> humanLiveness.score(image, box);
                case LAPLACIAN_TO_GRADIENT -> ImageCues.laplacianToGradient(region);
                case FACE_TO_SURROUND -> ImageCues.faceToSurroundSharpness(image, FaceRegion.expoSquare(box, image.width(), image.height()));
                case DOG_LBP_ENTROPY -> ImageCues.dogLbpEntropy(region);
                case DOG_LBP_NON_UNIFORM -> ImageCues.dogLbpNonUniform(region);
            };
            if (!Double.isFinite(value)) {
                throw new IllegalStateException(String.format(Locale.ROOT, "cue %s gave %s for box %s", cue.id(), value, box));
            }
            values.put(cue, value);
        }
        return values;
    }

    @Override
    public void close() {
        if (antiSpoofing != null) {
            antiSpoofing.close();
        }
        if (humanAntispoof != null) {
            humanAntispoof.close();
        }
        if (humanLiveness != null) {
            humanLiveness.close();
        }
    }
}
