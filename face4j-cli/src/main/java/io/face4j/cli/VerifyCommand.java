package io.face4j.cli;

import io.face4j.FaceFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.face4j.Face;
import io.face4j.FaceAnalyzer;
import io.face4j.gallery.DecisionPolicy;
import io.face4j.gallery.Gallery;
import io.face4j.image.Images;
import io.face4j.image.RgbImage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code face4j verify A.jpg B.jpg}: are the main faces of two photos the same person? */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Compare the main face of two photos and print 'same' or 'different' and their similarity.",
                "Threshold: --threshold, else the gallery's calibrated nearest-template threshold, else the documented default."})
final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    AnalyzerMixin analyzer;

    @Mixin
    GalleryMixin gallery;

    @Parameters(index = "0", paramLabel = "A") Path first;

    @Parameters(index = "1", paramLabel = "B") Path second;

    @Option(names = "--threshold", paramLabel = "SIMILARITY", description = "accept as same at or above this cosine similarity")
    Double threshold;

    @Option(names = {"-q", "--quiet"}, description = "do not announce the default threshold on standard error")
    boolean quiet;

    @Override
    public Integer call() {
        return Failures.mapped(spec, () -> {
            Thresholds.check(threshold);
            try (FaceAnalyzer faceAnalyzer = analyzer.open()) {
                FaceFinder finder = new FaceFinder(faceAnalyzer);
                Face a = mainFace(finder, first);
                Face b = mainFace(finder, second);
                String modelId = faceAnalyzer.embedder().orElseThrow().modelId();
                double t = resolveThreshold(modelId);
                double similarity = a.embedding().cosine(b.embedding());
                spec.commandLine().getOut().printf(Locale.ROOT, "%s %.4f%n", similarity >= t ? "same" : "different", similarity);
                return ExitCodes.OK;
            }
        });
    }

    private double resolveThreshold(String modelId) {
        // Read a stored threshold only from an existing gallery: verify must not create one as a side effect.
        if (threshold != null || !Files.exists(gallery.path())) {
            return Thresholds.resolve(threshold, null, modelId, DecisionPolicy.nearestTemplate(), spec.commandLine().getErr(), quiet);
        }
        try (Gallery g = gallery.open()) {
            return Thresholds.resolve(null, g, modelId, DecisionPolicy.nearestTemplate(), spec.commandLine().getErr(), quiet);
        }
    }

    private static Face mainFace(FaceFinder finder, Path file) {
        RgbImage image = Images.read(file);
        return finder.primary(image).orElseThrow(() -> new InputException("no face found in " + file));
    }
}
