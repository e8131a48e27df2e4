package io.face4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import io.face4j.AnalyzerOptions;
import io.face4j.FaceAnalyzer;
import io.face4j.embed.EmbedderDescriptor;
import io.face4j.image.Illumination;
import io.face4j.image.IlluminationOptions;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

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

    @Option(names = "--illumination", paramLabel = "MODE", converter = IlluminationConverter.class,
            description = "normalise every aligned face before embedding: none, gamma (exposure correction from the face's "
                    + "mean luma), clahe or retinex (default: none)")
    Illumination illumination;

    @Option(names = "--dark-detection", paramLabel = "MODE", converter = IlluminationConverter.class,
            description = "detect faces in a dark frame (mean luma below --dark-luma) on a copy enhanced with none, gamma, "
                    + "clahe or retinex; boxes stay in source pixels (default: gamma)")
    Illumination darkDetection;

    @Option(names = "--dark-luma", paramLabel = "L", converter = LumaConverter.class,
            description = "a frame whose mean luma (0..255) is below L is dark (default: " + IlluminationOptions.DEFAULT_DARK_LUMA + ")")
    Double darkLuma;

    @Option(names = "--dark-align", paramLabel = "SOURCE", converter = AlignSourceConverter.class,
            description = "when a dark frame was enhanced for detection, cut the aligned face from the 'enhanced' copy "
                    + "or the 'original' frame (default: original)")
    AlignSource alignSource;

    @Option(names = "--dark-trigger", paramLabel = "WHEN", converter = TriggerConverter.class,
            description = "which dark frames are detected on the enhanced copy: 'dark' (every one) or 'missed' (only those "
                    + "in which no face was found as they are); default: missed")
    Trigger trigger;

    /** The lighting handling the options ask for, on top of the library defaults. */
    IlluminationOptions illuminationOptions() {
        IlluminationOptions options = IlluminationOptions.defaults();
        if (illumination != null) {
            options = options.withCrop(illumination);
        }
        if (darkDetection != null) {
            options = options.withDarkDetection(darkDetection);
        }
        if (darkLuma != null) {
            options = options.withDarkLuma(darkLuma);
        }
        if (trigger != null) {
            options = options.withOnlyWhenMissed(trigger == Trigger.MISSED);
        }
        if (alignSource != null) {
            options = options.withAlignEnhanced(alignSource == AlignSource.ENHANCED);
        }
        return options;
    }

    /** The options as one {@code key=value} fragment for the machine-readable lines of the eval commands. */
    String illuminationLine() {
        IlluminationOptions o = illuminationOptions();
        return "illumination=" + o.crop().label() + " dark_detection=" + o.darkDetection().label()
                + (o.darkDetection() == Illumination.NONE ? "" : " dark_luma=" + o.darkLuma()
                + " dark_trigger=" + (o.onlyWhenMissed() ? "missed" : "dark") + " dark_align=" + (o.alignEnhanced() ? "enhanced" : "original"));
    }

    AnalyzerOptions options() {
        if (minFaceSize < 12) {
            throw new InputException("--min-face must be at least 12 (MTCNN's smallest window), got " + minFaceSize);
        }
        if (threads < 0) {
            throw new InputException("--threads must be 0 or more, got " + threads);
        }
        AnalyzerOptions options = AnalyzerOptions.defaults().withMinFaceSize(minFaceSize).withThreads(threads)
                .withIllumination(illuminationOptions());
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

    /** none, gamma, clahe or retinex; anything else is a usage error (exit 1) naming the value. */
    static final class IlluminationConverter implements ITypeConverter<Illumination> {
        @Override
        public Illumination convert(String value) {
            try {
                return Illumination.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class LumaConverter implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            double luma;
            try {
                luma = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a number (expected a mean luma in 0..255)");
            }
            if (!(luma >= 0 && luma <= 255)) {
                throw new TypeConversionException("'" + value + "' is outside 0..255");
            }
            return luma;
        }
    }

    /** Where the aligned crop of a face found on an enhanced copy is cut from. */
    enum AlignSource { ORIGINAL, ENHANCED }

    static final class AlignSourceConverter implements ITypeConverter<AlignSource> {
        @Override
        public AlignSource convert(String value) {
            return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "enhanced" -> AlignSource.ENHANCED;
                case "original" -> AlignSource.ORIGINAL;
                default -> throw new TypeConversionException("'" + value + "' is not original or enhanced");
            };
        }
    }

    /** Which dark frames are detected on the enhanced copy. */
    enum Trigger { DARK, MISSED }

    static final class TriggerConverter implements ITypeConverter<Trigger> {
        @Override
        public Trigger convert(String value) {
            return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "dark" -> Trigger.DARK;
                case "missed" -> Trigger.MISSED;
                default -> throw new TypeConversionException("'" + value + "' is not dark or missed");
            };
        }
    }
}
