package io.face4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.face4j.eval.LfwPairs;
import io.face4j.eval.LfwProtocol;
import io.face4j.eval.VerificationMetrics;
import io.face4j.eval.VerificationReport;
import io.face4j.image.Degradation;

/** Renders an LFW-protocol result: the human-readable lines, the machine-readable last line and the Markdown report. */
final class LfwEvaluation {
    private final LfwPairs pairs;
    private final LfwProtocol.Result result;
    private final Path root;
    private final Degradation degradation;

    LfwEvaluation(LfwPairs pairs, LfwProtocol.Result result, Path root) {
        this(pairs, result, root, Degradation.none());
    }

    LfwEvaluation(LfwPairs pairs, LfwProtocol.Result result, Path root, Degradation degradation) {
        this.pairs = pairs;
        this.result = result;
        this.root = root;
        this.degradation = degradation;
    }

    List<String> lines() {
        VerificationReport r = result.report();
        List<String> lines = new ArrayList<>();
        lines.add("degrade: " + degradation + " (both images of every pair)");
        lines.add(String.format(Locale.ROOT, "pairs: %d (%d same, %d different) in %d folds; images: %d", r.pairs(), r.samePairs(),
                r.pairs() - r.samePairs(), r.accuracy().foldAccuracies().length, result.images()));
        lines.add(String.format(Locale.ROOT, "accuracy: %.4f +- %.4f (%d-fold, threshold chosen on the other folds: %.3f .. %.3f)",
                r.accuracy().mean(), r.accuracy().std(), r.accuracy().foldAccuracies().length,
                Arrays.stream(r.accuracy().thresholds()).min().orElse(Double.NaN), Arrays.stream(r.accuracy().thresholds()).max().orElse(Double.NaN)));
        lines.add(String.format(Locale.ROOT, "ROC AUC: %.4f   EER: %.4f", r.auc(), r.eer()));
        lines.add(String.format(Locale.ROOT, "TAR at FAR 1e-2: %.4f   TAR at FAR 1e-3: %.4f (%d different-person pairs: FAR resolution %.1g)",
                r.tarAtFar1e2(), r.tarAtFar1e3(), r.pairs() - r.samePairs(), 1.0 / (r.pairs() - r.samePairs())));
        lines.add(String.format(Locale.ROOT, "no face: %d images, in %d pairs; those pairs score %.0f (always rejected: "
                + "an error when same, correct when different) and are included in every figure above",
                result.missingImages().size(), result.pairsAffected(), LfwProtocol.MISSING_SCORE));
        return lines;
    }

    /** The last line: key=value pairs a script can read. */
    String machineLine() {
        VerificationReport r = result.report();
        return String.format(Locale.ROOT, "accuracy=%.4f std=%.4f auc=%.4f eer=%.4f tar@far1e-2=%.4f tar@far1e-3=%.4f no_face=%d degrade=%s",
                r.accuracy().mean(), r.accuracy().std(), r.auc(), r.eer(), r.tarAtFar1e2(), r.tarAtFar1e3(), result.missingImages().size(), degradation);
    }

    /** report.md with roc.png and scores.png in {@code dir}. */
    Path writeReport(Path dir, String model) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new InputException("cannot create folder " + dir + ": " + e.getMessage(), e);
        }
        double[] scores = result.scores();
        boolean[] same = new boolean[scores.length];
        for (int i = 0; i < scores.length; i++) {
            same[i] = pairs.pairs().get(i).same();
        }
        VerificationMetrics.Roc roc = VerificationMetrics.roc(scores, same);
        Charts.roc(roc.far(), roc.tar(), String.format(Locale.ROOT, "ROC on %s (AUC %.4f)", root.getFileName(), result.report().auc()),
                dir.resolve("roc.png"));
        double threshold = Arrays.stream(result.report().accuracy().thresholds()).average().orElse(Double.NaN);
        double[] genuine = java.util.stream.IntStream.range(0, scores.length).filter(i -> same[i]).mapToDouble(i -> scores[i]).toArray();
        double[] impostor = java.util.stream.IntStream.range(0, scores.length).filter(i -> !same[i]).mapToDouble(i -> scores[i]).toArray();
        Charts.histograms(genuine, impostor, threshold, "Similarity of same-person and different-person pairs", dir.resolve("scores.png"));

        StringBuilder md = new StringBuilder();
        md.append("# face4j verification report: ").append(root.getFileName()).append("\n\n");
        md.append("- images: `").append(root).append("`\n- model: `").append(model).append("`\n- degradation: `")
                .append(degradation).append("`\n\n");
        md.append("| figure | value |\n|---|---|\n");
        VerificationReport r = result.report();
        md.append(String.format(Locale.ROOT, "| %d-fold accuracy | %.4f +- %.4f |%n", r.accuracy().foldAccuracies().length, r.accuracy().mean(), r.accuracy().std()));
        md.append(String.format(Locale.ROOT, "| ROC AUC | %.4f |%n| EER | %.4f |%n", r.auc(), r.eer()));
        md.append(String.format(Locale.ROOT, "| TAR at FAR 1e-2 | %.4f |%n| TAR at FAR 1e-3 | %.4f |%n", r.tarAtFar1e2(), r.tarAtFar1e3()));
        md.append(String.format(Locale.ROOT, "| images without a face | %d (%d pairs scored -1) |%n%n", result.missingImages().size(), result.pairsAffected()));
        md.append("Per-fold accuracy (threshold chosen on the other folds):\n\n| fold | threshold | accuracy |\n|---|---|---|\n");
        for (int f = 0; f < r.accuracy().foldAccuracies().length; f++) {
            md.append(String.format(Locale.ROOT, "| %d | %.4f | %.4f |%n", f + 1, r.accuracy().thresholds()[f], r.accuracy().foldAccuracies()[f]));
        }
        md.append("\n![ROC curve](roc.png)\n\n![Score histograms](scores.png)\n");
        if (!result.missingImages().isEmpty()) {
            md.append("\nImages without a detected face (every pair using them scores -1):\n\n");
            result.missingImages().forEach(p -> md.append("- `").append(root.relativize(p)).append("`\n"));
        }
        Path report = dir.resolve("report.md");
        try {
            Files.writeString(report, md);
        } catch (IOException e) {
            throw new InputException("cannot write " + report + ": " + e.getMessage(), e);
        }
        return report;
    }
}
