package io.face4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.face4j.detect.Detection;
import io.face4j.detect.FaceDetector;
import io.face4j.detect.mtcnn.MtcnnDetector;
import io.face4j.embed.EmbedderOptions;
import io.face4j.embed.Embedding;
import io.face4j.embed.FaceEmbedder;
import io.face4j.embed.OnnxEmbedder;
import io.face4j.geometry.Box;
import io.face4j.geometry.Point;
import io.face4j.image.Illumination;
import io.face4j.image.IlluminationOptions;
import io.face4j.image.RgbImage;
import io.face4j.onnx.OnnxOptions;
import io.face4j.quality.QualityEstimator;

/**
 * The one-call face pipeline: detect (MTCNN), align, embed (one batched call for all faces of an image) and
 * estimate quality. Lighting ({@link IlluminationOptions}): a dark frame may be detected on an enhanced copy (same
 * pixel grid, so boxes and landmarks are source pixels either way) and every aligned crop may be normalised before it
 * is embedded; quality is always estimated on the frame as given, so a dark face still reads as dark. Thread-safe: one instance may serve many threads at once. Closing it closes the models it
 * opened itself ({@link #create}), never a detector or embedder passed to {@link #of}.
 */
public final class FaceAnalyzer implements AutoCloseable {

    private final FaceDetector detector;
    private final FaceEmbedder embedder;
    private final QualityEstimator quality;
    private final IlluminationOptions illumination;
    private final boolean ownsModels;

    private FaceAnalyzer(FaceDetector detector, FaceEmbedder embedder, QualityEstimator quality, IlluminationOptions illumination,
                         boolean ownsModels) {
        this.detector = detector;
        this.embedder = embedder;
        this.quality = quality;
        this.illumination = illumination;
        this.ownsModels = ownsModels;
    }

    /** MTCNN and the shipped MobileFaceNet with default settings. */
    public static FaceAnalyzer create() {
        return create(AnalyzerOptions.defaults());
    }

    /** Loads the detector and (unless detect-only) the embedder the options name; the analyzer owns them. */
    public static FaceAnalyzer create(AnalyzerOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        OnnxOptions onnx = OnnxOptions.defaults().withIntraOpThreads(options.threads());
        MtcnnDetector detector = MtcnnDetector.create(options.detector(), onnx);
        try {
            FaceEmbedder embedder = null;
            if (options.embedder() != null) {
                EmbedderOptions embedderOptions = EmbedderOptions.defaults().withOnnx(onnx)
                        .withFlipAugmentation(options.flipAugmentation());
                embedder = options.embedderFile() == null
                        ? OnnxEmbedder.shipped(options.embedder(), embedderOptions)
                        : OnnxEmbedder.load(options.embedderFile(), options.embedder(), embedderOptions);
            }
            return new FaceAnalyzer(detector, embedder, new QualityEstimator(options.quality()), options.illumination(), true);
        } catch (RuntimeException e) {
            detector.close();
            throw e;
        }
    }

    /**
     * An analyzer over models the caller opened and keeps closing, with {@link IlluminationOptions#defaults()}.
     * {@code embedder} may be null for detection only.
     */
    public static FaceAnalyzer of(FaceDetector detector, FaceEmbedder embedder, QualityEstimator quality) {
        return of(detector, embedder, quality, IlluminationOptions.defaults());
    }

    /** An analyzer over models the caller opened and keeps closing, with the given lighting handling. */
    public static FaceAnalyzer of(FaceDetector detector, FaceEmbedder embedder, QualityEstimator quality, IlluminationOptions illumination) {
        if (detector == null) {
            throw new IllegalArgumentException("detector must not be null");
        }
        if (quality == null) {
            throw new IllegalArgumentException("quality must not be null");
        }
        if (illumination == null) {
            throw new IllegalArgumentException("illumination must not be null");
        }
        return new FaceAnalyzer(detector, embedder, quality, illumination, false);
    }

    /** Every face, most confident first, with aligned crop, embedding (when there is an embedder) and quality. */
    public List<Face> analyze(RgbImage image) {
        if (image == null) {
            throw new IllegalArgumentException("image must not be null");
        }
        return analyze(image, 0, true);
    }

    /** Every face, most confident first, with quality but without aligned crop or embedding: the cheaper path. */
    public List<Face> detect(RgbImage image) {
        if (image == null) {
            throw new IllegalArgumentException("image must not be null");
        }
        return analyze(image, 0, false);
    }

    /**
     * The pipeline on {@code image} padded with black by {@code pad} pixels on every side (coordinates in the padded
     * image), with the lighting handling: whether the frame is dark, and its enhanced copy, are computed from the
     * unpadded image (padding would darken it), and the copy is padded the same way, so the pixel grids agree.
     */
    List<Face> analyze(RgbImage image, int pad, boolean embed) {
        RgbImage frame = pad(image, pad);
        if (illumination.darkDetection() == Illumination.NONE) {
            return faces(frame, frame, embed);
        }
        if (illumination.onlyWhenMissed()) {
            // the default: the frame as it is first, so a frame with a face never pays for the darkness test
            List<Face> faces = faces(frame, frame, embed);
            if (!faces.isEmpty() || !illumination.isDark(image)) {
                return faces;
            }
        } else if (!illumination.isDark(image)) {
            return faces(frame, frame, embed);
        }
        return faces(frame, pad(illumination.darkDetection().forFrame().apply(image), pad), embed);
    }

    private static RgbImage pad(RgbImage image, int pad) {
        return pad == 0 ? image : image.crop(-pad, -pad, image.width() + 2 * pad, image.height() + 2 * pad);
    }

    /** Detects on {@code detectionInput} ({@code image} or its enhanced copy), then aligns, embeds and estimates quality. */
    private List<Face> faces(RgbImage image, RgbImage detectionInput, boolean embed) {
        List<Detection> detections = detector.detect(detectionInput);
        if (embedder == null || !embed) {
            return withoutEmbeddings(image, detections);
        }
        RgbImage alignSource = illumination.alignEnhanced() ? detectionInput : image;
        List<RgbImage> aligned = new ArrayList<>(detections.size());
        for (Detection d : detections) {
            aligned.add(illumination.normaliseCrop(embedder.aligner().align(alignSource, d)));
        }
        List<Embedding> embeddings = embedder.embed(aligned);
        List<Face> faces = new ArrayList<>(detections.size());
        for (int i = 0; i < detections.size(); i++) {
            Detection d = detections.get(i);
            faces.add(new Face(d.box(), d.score(), d.landmarks(), aligned.get(i), embeddings.get(i), quality.estimate(image, d)));
        }
        return List.copyOf(faces);
    }

    /**
     * Embeddings of crops that are already aligned to the embedder's template (as glint-celeb24-aligned112 is), after
     * the crop normalisation of {@link IlluminationOptions#crop()}; no detection. IllegalStateException without an embedder.
     */
    public List<Embedding> embedAligned(List<RgbImage> alignedFaces) {
        if (alignedFaces == null) {
            throw new IllegalArgumentException("alignedFaces must not be null");
        }
        if (embedder == null) {
            throw new IllegalStateException("this analyzer only detects (no embedder)");
        }
        List<RgbImage> normalised = new ArrayList<>(alignedFaces.size());
        for (RgbImage face : alignedFaces) {
            if (face == null) {
                throw new IllegalArgumentException("alignedFaces must not contain null");
            }
            normalised.add(illumination.normaliseCrop(face));
        }
        return embedder.embed(normalised);
    }

    /** The lighting handling this analyzer applies. */
    public IlluminationOptions illumination() {
        return illumination;
    }

    private List<Face> withoutEmbeddings(RgbImage image, List<Detection> detections) {
        List<Face> faces = new ArrayList<>(detections.size());
        for (Detection d : detections) {
            faces.add(new Face(d.box(), d.score(), d.landmarks(), null, null, quality.estimate(image, d)));
        }
        return List.copyOf(faces);
    }

    /**
     * The face a single-subject photo is about (as LFW images are: the subject is centred): the largest box after a
     * penalty for distance from the image centre, {@code area - 2 * centreOffset^2}, the rule of davidsandberg/facenet's
     * align_dataset_mtcnn.py used to prepare LFW for many published results. Empty when there is no face.
     */
    public static Optional<Face> primaryFace(List<Face> faces, int imageWidth, int imageHeight) {
        if (faces == null) {
            throw new IllegalArgumentException("faces must not be null");
        }
        Face best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Face face : faces) {
            double score = primaryScore(face.box(), imageWidth, imageHeight);
            if (score > bestScore) {
                bestScore = score;
                best = face;
            }
        }
        return Optional.ofNullable(best);
    }

    static double primaryScore(Box box, int imageWidth, int imageHeight) {
        Point c = box.centre();
        double dx = c.x() - imageWidth / 2.0;
        double dy = c.y() - imageHeight / 2.0;
        return box.area() - 2.0 * (dx * dx + dy * dy);
    }

    /** The embedder, if this analyzer computes embeddings. */
    public Optional<FaceEmbedder> embedder() {
        return Optional.ofNullable(embedder);
    }

    public FaceDetector detector() {
        return detector;
    }

    @Override
    public void close() {
        if (!ownsModels) {
            return;
        }
        try (FaceDetector d = detector) {
            if (embedder != null) {
                embedder.close();
            }
        }
    }
}
