package io.face4j;

import java.nio.file.Path;
import java.util.Objects;

import io.face4j.detect.mtcnn.MtcnnOptions;
import io.face4j.embed.EmbedderDescriptor;
import io.face4j.image.IlluminationOptions;
import io.face4j.quality.QualityOptions;

/**
 * What a {@link FaceAnalyzer} built by {@link FaceAnalyzer#create(AnalyzerOptions)} loads and how it runs.
 * Immutable and thread-safe. Change a value with a wither: {@code AnalyzerOptions.defaults().withMinFaceSize(40)}.
 *
 * @param detector         MTCNN settings
 * @param embedder         the embedding model's descriptor, or null to only detect
 * @param embedderFile     the embedding model file, or null for the shipped MobileFaceNet weights
 * @param flipAugmentation embed the mirrored face too and average (see {@link io.face4j.embed.EmbedderOptions})
 * @param threads          intra-op threads of each ONNX Runtime session, 0 to let ONNX Runtime choose
 * @param quality          quality estimator settings
 * @param illumination     lighting handling: crop normalisation and detection on an enhanced copy of dark frames
 */
public record AnalyzerOptions(MtcnnOptions detector, EmbedderDescriptor embedder, Path embedderFile, boolean flipAugmentation,
                              int threads, QualityOptions quality, IlluminationOptions illumination) {

    public AnalyzerOptions {
        Objects.requireNonNull(detector, "detector");
        Objects.requireNonNull(quality, "quality");
        Objects.requireNonNull(illumination, "illumination");
        if (embedderFile != null && embedder == null) {
            throw new IllegalArgumentException("embedderFile needs an embedder descriptor, got file " + embedderFile + " without one");
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be >= 0, got " + threads);
        }
    }

    /**
     * MTCNN defaults, the shipped MobileFaceNet with ArcFace alignment, no flip augmentation, ONNX Runtime's threads,
     * {@link IlluminationOptions#defaults()}.
     */
    public static AnalyzerOptions defaults() {
        return new AnalyzerOptions(MtcnnOptions.defaults(), EmbedderDescriptor.mobileFaceNet(), null, false, 0, QualityOptions.defaults(),
                IlluminationOptions.defaults());
    }

    public AnalyzerOptions withDetector(MtcnnOptions value) {
        return new AnalyzerOptions(value, embedder, embedderFile, flipAugmentation, threads, quality, illumination);
    }

    public AnalyzerOptions withMinFaceSize(int pixels) {
        return withDetector(detector.withMinFaceSize(pixels));
    }

    /** A user's model file (.onnx or .tflite) described by {@code descriptor}. */
    public AnalyzerOptions withEmbedder(Path file, EmbedderDescriptor descriptor) {
        if (file == null) {
            throw new IllegalArgumentException("file must not be null (use withShippedEmbedder for the shipped model)");
        }
        if (descriptor == null) {
            throw new IllegalArgumentException("descriptor must not be null");
        }
        return new AnalyzerOptions(detector, descriptor, file, flipAugmentation, threads, quality, illumination);
    }

    /** The shipped MobileFaceNet weights with this descriptor (e.g. mobileFaceNet() with another alignment). */
    public AnalyzerOptions withShippedEmbedder(EmbedderDescriptor descriptor) {
        if (descriptor == null) {
            throw new IllegalArgumentException("descriptor must not be null");
        }
        return new AnalyzerOptions(detector, descriptor, null, flipAugmentation, threads, quality, illumination);
    }

    /** Detection, landmarks and quality only: no aligned crops and no embeddings. */
    public AnalyzerOptions withoutEmbedder() {
        return new AnalyzerOptions(detector, null, null, flipAugmentation, threads, quality, illumination);
    }

    /** Changes how faces are cropped for the embedder (ARCFACE template warp, or MARGIN_CROP with a margin in output pixels). */
    public AnalyzerOptions withAlignment(EmbedderDescriptor.Alignment alignment, int margin) {
        if (embedder == null) {
            throw new IllegalArgumentException("alignment needs an embedder; this analyzer only detects");
        }
        return new AnalyzerOptions(detector, embedder.withAlignment(alignment, margin), embedderFile, flipAugmentation, threads, quality, illumination);
    }

    public AnalyzerOptions withFlipAugmentation(boolean value) {
        return new AnalyzerOptions(detector, embedder, embedderFile, value, threads, quality, illumination);
    }

    public AnalyzerOptions withThreads(int value) {
        return new AnalyzerOptions(detector, embedder, embedderFile, flipAugmentation, value, quality, illumination);
    }

    public AnalyzerOptions withQuality(QualityOptions value) {
        return new AnalyzerOptions(detector, embedder, embedderFile, flipAugmentation, threads, value, illumination);
    }

    public AnalyzerOptions withIllumination(IlluminationOptions value) {
        return new AnalyzerOptions(detector, embedder, embedderFile, flipAugmentation, threads, quality, value);
    }
}
