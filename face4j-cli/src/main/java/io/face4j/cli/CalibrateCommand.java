package io.face4j.cli;

import io.face4j.FaceFinder;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.face4j.FaceAnalyzer;
import io.face4j.embed.Embedding;
import io.face4j.eval.LfwPairs;
import io.face4j.gallery.DecisionPolicy;
import io.face4j.gallery.Gallery;
import io.face4j.gallery.calibrate.Calibration;
import io.face4j.gallery.calibrate.Calibrator;
import io.face4j.gallery.calibrate.LabelledScore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code face4j calibrate [--far 1e-3] [--pairs FILE --root DIR]}: fit and store the known/unknown threshold. */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = {"Choose the similarity threshold that accepts a target fraction of impostors (FAR) and store it in the",
                "gallery for the model and policy. Impostors: every enrolled template scored against the other people",
                "(leave-one-out), or with --pairs the different-person pairs of an LFW pairs file."})
final class CalibrateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    AnalyzerMixin analyzer;

    @Mixin
    GalleryMixin gallery;

    @Option(names = "--far", paramLabel = "RATE", defaultValue = "1e-3", description = "target false accept rate (default: ${DEFAULT-VALUE})")
    double far;

    @Option(names = "--policy", paramLabel = "POLICY", defaultValue = PolicyOption.DEFAULT, converter = PolicyOption.class,
            description = "the policy to calibrate: nearest, centroid, knn[:K], clusters[:K], fusion:ALPHA or top:M (default: ${DEFAULT-VALUE})")
    DecisionPolicy policy;

    @Option(names = "--pairs", paramLabel = "FILE", description = "calibrate on an LFW pairs file instead of the gallery's own templates")
    Path pairsFile;

    @Option(names = "--root", paramLabel = "DIR", description = "the images of --pairs (default: the pairs file's folder)")
    Path root;

    @Option(names = "--dry-run", description = "print the threshold without storing it")
    boolean dryRun;

    @Override
    public Integer call() {
        return Failures.mapped(spec, () -> {
            if (!(far > 0 && far < 1)) {
                throw new UsageException("--far must be in (0, 1), got " + far);
            }
            String modelId = analyzer.options().embedder().modelId();
            PrintWriter out = spec.commandLine().getOut();
            try (Gallery g = gallery.open()) {
                Calibration c = pairsFile != null ? fromPairs(modelId) : fromGallery(g, modelId);
                out.printf(Locale.ROOT, "threshold %.4f for %s/%s at target FAR %.3g%n", c.threshold(), c.modelId(), c.policyKey(), c.targetFar());
                out.printf(Locale.ROOT, "achieved FAR %.4g on %d impostor scores; genuine accept rate %.4f on %d genuine scores%n",
                        c.achievedFar(), c.impostor().count(), c.genuineAcceptRate(), c.genuine().count());
                c.warning().ifPresent(w -> spec.commandLine().getErr().println("face4j calibrate: warning: " + w));
                if (!dryRun) {
                    Calibrator.store(g, c);
                    out.println("stored in " + g.options().path());
                }
                return ExitCodes.OK;
            }
        });
    }

    private Calibration fromGallery(Gallery g, String modelId) {
        if (g.stats().identities() < 2) {
            throw new InputException("calibration needs at least two enrolled people in " + g.options().path() + " (or --pairs)");
        }
        return Calibrator.fromGallery(g, modelId, policy, far);
    }

    /** Pair scores compare two photos, i.e. one-template identities: the nearest and centroid policies score them alike. */
    private Calibration fromPairs(String modelId) {
        Path dir = root != null ? root : pairsFile.toAbsolutePath().getParent();
        if (!Files.isRegularFile(pairsFile)) {
            throw new InputException("no such pairs file: " + pairsFile);
        }
        if (policy instanceof DecisionPolicy.KnnVote) {
            throw new UsageException("--pairs calibrates the nearest or centroid policy (knn votes need a gallery)");
        }
        LfwPairs pairs;
        try {
            pairs = LfwPairs.read(pairsFile);
        } catch (IllegalArgumentException e) {
            throw new InputException("not an LFW pairs file: " + e.getMessage(), e);
        }
        List<LabelledScore> scores = new ArrayList<>();
        Map<Path, Optional<Embedding>> cache = new HashMap<>();
        try (FaceAnalyzer faceAnalyzer = analyzer.open(); Progress progress = Progress.start("calibrate", 2L * pairs.pairs().size(), false)) {
            PrimaryEmbeddings embeddings = new PrimaryEmbeddings(new FaceFinder(faceAnalyzer), spec.commandLine().getErr(), progress);
            for (LfwPairs.Pair p : pairs.pairs()) {
                Optional<Embedding> a = cache.computeIfAbsent(p.image1(dir), embeddings::of);
                Optional<Embedding> b = cache.computeIfAbsent(p.image2(dir), embeddings::of);
                if (a.isPresent() && b.isPresent()) {
                    scores.add(new LabelledScore(a.get().cosine(b.get()), p.same()));
                }
            }
        }
        return Calibrator.fromPairs(modelId, policy, scores, far);
    }
}
