package io.face4j.cli;

import io.face4j.FaceFinder;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Callable;

import io.face4j.FaceAnalyzer;
import io.face4j.eval.LfwPairs;
import io.face4j.eval.LfwProtocol;
import io.face4j.image.Degradation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code face4j eval LFW_ROOT --pairs pairs.txt}: the standard LFW verification protocol. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Evaluate verification on an LFW-layout folder (NAME/NAME_0001.jpg) with a pairs file:",
                "k-fold accuracy (threshold chosen on the other folds), ROC AUC, EER, TAR at FAR 1e-2 and 1e-3.",
                "Images without a face score -1 (counted as errors for same-person pairs). The last line is key=value.",
                "--degrade applies to both images of every pair: the LFW protocol has no gallery/probe split.",
                "--aligned: ROOT holds pre-aligned 112x112 crops (NAME/*.png, as glint-celeb24-aligned112); pairs are drawn",
                "(10 folds of 300 same + 300 different, --pair-seed), crops are embedded without detection, and MTCNN's",
                "detection rate on the (degraded) crops is reported beside."})
final class EvalCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    AnalyzerMixin analyzer;

    @Parameters(paramLabel = "LFW_ROOT", description = "folder of per-person folders")
    Path root;

    @Option(names = "--pairs", paramLabel = "FILE", description = "pairs file (default: LFW_ROOT/pairs.txt)")
    Path pairsFile;

    @Option(names = "--report", paramLabel = "DIR", description = "write report.md, roc.png and scores.png into DIR")
    Path reportDir;

    @Mixin
    DegradeOptions degrade;

    @Option(names = "--aligned", description = "LFW_ROOT holds pre-aligned face crops and no pairs file (see above)")
    boolean aligned;

    @Option(names = "--pair-seed", paramLabel = "N", defaultValue = "0",
            description = "with --aligned: seed of the drawn pairs (default: ${DEFAULT-VALUE})")
    long pairSeed;

    @Option(names = {"-q", "--quiet"}, description = "no progress bar; print only the last, machine-readable line")
    boolean quiet;

    @Override
    public Integer call() {
        return Failures.mapped(spec, this::evaluate);
    }

    private Integer evaluate() {
        Degradation degradation = degrade.degradation();
        if (aligned) {
            return evaluateAligned(degradation);
        }
        Path file = pairsFile != null ? pairsFile : root.resolve("pairs.txt");
        if (!Files.isDirectory(root)) {
            throw new InputException("no such folder: " + root);
        }
        if (!Files.isRegularFile(file)) {
            throw new InputException("no such pairs file: " + file);
        }
        LfwPairs pairs;
        try {
            pairs = LfwPairs.read(file);
        } catch (IllegalArgumentException e) {
            throw new InputException("not an LFW pairs file: " + e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        Set<Path> images = new HashSet<>();
        pairs.pairs().forEach(p -> images.addAll(java.util.List.of(p.image1(root), p.image2(root))));
        try (FaceAnalyzer faceAnalyzer = analyzer.open(); Progress progress = Progress.start("eval", images.size(), quiet)) {
            PrimaryEmbeddings embeddings = new PrimaryEmbeddings(new FaceFinder(faceAnalyzer), spec.commandLine().getErr(), progress,
                    degradation, degrade.seed);
            LfwProtocol.Result result = LfwProtocol.evaluate(pairs, root, embeddings::of);
            LfwEvaluation evaluation = new LfwEvaluation(pairs, result, root, degradation);
            if (!quiet) {
                evaluation.lines().forEach(out::println);
            }
            if (reportDir != null) {
                Path report = evaluation.writeReport(reportDir, faceAnalyzer.embedder().orElseThrow().modelId());
                if (!quiet) {
                    out.println("report: " + report);
                }
            }
            out.println(evaluation.machineLine() + " " + analyzer.illuminationLine());
            return ExitCodes.OK;
        }
    }

    private Integer evaluateAligned(Degradation degradation) {
        if (pairsFile != null) {
            throw new UsageException("--aligned draws its own pairs; leave out --pairs");
        }
        if (!Files.isDirectory(root)) {
            throw new InputException("no such folder: " + root);
        }
        var people = AlignedEvaluation.people(root);
        var pairs = AlignedEvaluation.pairs(people, pairSeed);
        PrintWriter out = spec.commandLine().getOut();
        try (FaceAnalyzer faceAnalyzer = analyzer.open();
             Progress progress = Progress.start("eval", AlignedEvaluation.images(people, pairs), quiet)) {
            AlignedEvaluation.Result r = AlignedEvaluation.run(root, people, pairs, faceAnalyzer, degradation, degrade.seed, progress,
                    spec.commandLine().getErr());
            progress.close();
            LfwEvaluation evaluation = new LfwEvaluation(pairs, r.result(), root, degradation);
            int images = r.result().images();
            if (!quiet) {
                out.println("aligned crops, " + people.size() + " people; pairs drawn with seed " + pairSeed);
                evaluation.lines().forEach(out::println);
                out.printf(java.util.Locale.ROOT, "detected: %d of %d crops (%.4f) by MTCNN with padding fallback; "
                        + "not used for the scores above%n", r.detected(), images, r.detected() / (double) images);
            }
            if (reportDir != null) {
                Path report = evaluation.writeReport(reportDir, faceAnalyzer.embedder().orElseThrow().modelId());
                if (!quiet) {
                    out.println("report: " + report);
                }
            }
            out.printf(java.util.Locale.ROOT, "%s %s aligned=true detected=%d/%d%n", evaluation.machineLine(), analyzer.illuminationLine(),
                    r.detected(), images);
            return ExitCodes.OK;
        }
    }
}
