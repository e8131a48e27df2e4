package io.face4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import io.face4j.AnalyzerOptions;
import io.face4j.FaceAnalyzer;
import io.face4j.embed.EmbedderDescriptor;
import picocli.CommandLine.Option;

/** Options shared by every command that runs the face pipeline. */
final class AnalyzerMixin {
    @Option(names = "--min-face", paramLabel = "PX", defaultValue = "20",
            description = "smallest face to find, in pixels (default: ${DEFAULT-VALUE}, MTCNN's usual value)")
    int minFaceSize;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "ONNX Runtime threads per model; 0 lets ONNX Runtime choose (default)")
    int threads;

    @Option(names = "--model", paramLabel = "FILE.onnx",
            description = "use your own ArcFace-style ONNX embedder (112x112 RGB NCHW, (x-127.5)/127.5, ArcFace alignment) "
                    + "instead of the shipped MobileFaceNet")
    Path model;

    @Option(names = "--model-kind", paramLabel = "KIND", defaultValue = "arcface",
            description = "how --model wants its input: arcface (112x112, template alignment) or facenet "
                    + "(facenet-pytorch InceptionResnetV1: 160x160 margin crop); default: ${DEFAULT-VALUE}")
    String modelKind;

    AnalyzerOptions options() {
        if (minFaceSize < 12) {
            throw new InputException("--min-face must be at least 12 (MTCNN's smallest window), got " + minFaceSize);
        }
        if (threads < 0) {
            throw new InputException("--threads must be 0 or more, got " + threads);
        }
        AnalyzerOptions options = AnalyzerOptions.defaults().withMinFaceSize(minFaceSize).withThreads(threads);
        if (model != null) {
            if (!Files.isRegularFile(model)) {
                throw new InputException("no such model file: " + model);
            }
            String id = model.getFileName().toString();
            EmbedderDescriptor descriptor = switch (modelKind) {
                case "arcface" -> EmbedderDescriptor.arcFace(id);
                case "facenet" -> EmbedderDescriptor.facenetPytorch(id);
                default -> throw new InputException("--model-kind must be arcface or facenet, got " + modelKind);
            };
            options = options.withEmbedder(model, descriptor);
        }
        return options;
    }

    FaceAnalyzer open() {
        return FaceAnalyzer.create(options());
    }

    FaceAnalyzer openDetectOnly() {
        return FaceAnalyzer.create(options().withoutEmbedder());
    }
}
