package io.face4j.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.face4j.FaceAnalyzer;
import io.face4j.eval.LivenessDataset;
import io.face4j.eval.LivenessMetrics;
import io.face4j.eval.VerificationMetrics;
import io.face4j.liveness.LivenessCombiner;
import io.face4j.liveness.LivenessCue;
import io.face4j.liveness.LivenessDetector;
import io.face4j.liveness.LivenessOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code face4j eval-liveness DIR}: presentation-attack detection figures (ISO/IEC 30107-3) on a labelled folder. */
@Command(name = "eval-liveness", mixinStandardHelpOptions = true,
        description = {"Evaluate passive liveness on a folder with live/ and spoof/ subfolders (case-insensitive), or on the",
                "NUAA layout (ClientRaw/, ImposterRaw/ and the official *_train_raw.txt / *_test_raw.txt lists).",
                "Prints APCER (attacks accepted as live), BPCER (live rejected) and ACER at the threshold, ROC AUC,",
                "BPCER at APCER 5% and 1%, and the same for each cue alone. The largest MTCNN face of each image is",
                "checked; an image without a face counts as rejected (score 0). The last line is key=value."})
final class EvalLivenessCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    AnalyzerMixin analyzer;

    @Parameters(paramLabel = "DIR", description = "live/ + spoof/ folder, or the NUAA folder")
    Path dir;

    @Option(names = "--split", paramLabel = "train|test", defaultValue = "test",
            description = "NUAA layout: the split to report on (default: ${DEFAULT-VALUE})")
    String split;

    @Option(names = "--calibrate-on", paramLabel = "train|none|DIR",
            description = "where the threshold (and each cue's direction) is chosen: 'train' (NUAA's train split; the default "
                    + "for the NUAA layout), another live/ + spoof/ folder, or 'none' to use the detector's committed threshold "
                    + "(the default for a live/ + spoof/ folder)")
    String calibrateOn;

    @Option(names = "--target-apcer", paramLabel = "RATE",
            description = "calibrate the threshold for this APCER on the calibration set (e.g. 0.05); default: the equal-error point")
    Double targetApcer;

    @Option(names = "--threshold", paramLabel = "T", description = "use this threshold (0..1) instead of calibrating one")
    Double threshold;

    @Option(names = "--fit", description = "fit the logistic combination on the calibration set (cues picked by subject-grouped "
            + "cross-validation there unless --cues is given), print its weights as Java and evaluate it")
    boolean fit;

    @Option(names = "--cues", paramLabel = "CUE,...", split = ",",
            description = "with --fit: combine exactly these cues (ids: faceAntiSpoofing, sharpness, highFrequency, specular, "
                    + "saturation, chromaSpread, contrast, humanAntispoof, humanLiveness, laplacianToGradient, faceToSurround, "
                    + "dogLbpEntropy, dogLbpNonUniform)")
    List<String> cues;

    @Option(names = "--select-by", paramLabel = "auc|acer", defaultValue = "auc",
            description = "with --fit: forward selection maximises the cross-validated ROC AUC, or minimises the mean held-out "
                    + "fold's ACER at the other folds' equal-error threshold (session shift of the threshold; default: ${DEFAULT-VALUE})")
    String selectBy;

    @Option(names = "--report", paramLabel = "FILE.png", description = "write the ROC curve (1 - BPCER against APCER) of the combination")
    Path report;

    @Option(names = "--features", paramLabel = "FILE.csv", description = "write every image's cue values as CSV")
    Path features;

    @Option(names = {"-q", "--quiet"}, description = "print only the last, machine-readable line")
    boolean quiet;

    @Override
    public Integer call() {
        return Failures.mapped(spec, this::evaluate);
    }

    private Integer evaluate() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (threshold != null && !(threshold >= 0 && threshold <= 1)) {
            throw new UsageException("--threshold must be in [0, 1], got " + threshold);
        }
        if (targetApcer != null && !(targetApcer >= 0 && targetApcer < 1)) {
            throw new UsageException("--target-apcer must be in [0, 1), got " + targetApcer);
        }
        if (!"train".equals(split) && !"test".equals(split)) {
            throw new UsageException("--split must be train or test, got " + split);
        }
        LivenessFit.Criterion criterion = switch (selectBy.toLowerCase(Locale.ROOT)) {
            case "auc" -> LivenessFit.Criterion.AUC;
            case "acer" -> LivenessFit.Criterion.ACER;
            default -> throw new UsageException("--select-by must be auc or acer, got " + selectBy);
        };
        List<LivenessCue> forced = new ArrayList<>();
        if (cues != null) {
            for (String id : cues) {
                try {
                    forced.add(LivenessCue.byId(id.strip()));
                } catch (IllegalArgumentException e) {
                    throw new UsageException("--cues: " + e.getMessage());
                }
            }
        }
        if (!Files.exists(dir)) {
            throw new InputException("no such folder: " + dir);
        }
        if (!Files.isDirectory(dir)) {
            throw new InputException("not a folder: " + dir);
        }
        boolean nuaa = LivenessDataset.isNuaa(dir);
        LivenessDataset evaluated = load(dir, nuaa, split);
        LivenessDataset calibration = calibrationSet(nuaa);
        if ((fit || cues != null) && calibration == null) {
            throw new UsageException("--fit needs a calibration set (--calibrate-on train or a live/ + spoof/ folder)");
        }
        LivenessOptions options = LivenessOptions.defaults().withExtraCues(EnumSet.allOf(LivenessCue.class))
                .withOnnx(io.face4j.onnx.OnnxOptions.defaults().withIntraOpThreads(analyzer.threads));
        long total = evaluated.samples().size() + (calibration == null ? 0 : calibration.samples().size());
        LivenessSamples test;
        LivenessSamples train = null;
        try (FaceAnalyzer faceAnalyzer = analyzer.openDetectOnly(); LivenessDetector detector = LivenessDetector.create(options);
                Progress progress = Progress.start("eval-liveness", total, quiet)) {
            test = LivenessSamples.measure(describe(evaluated, nuaa ? "NUAA " + split + " split" : dir.toString()), evaluated,
                    faceAnalyzer, detector, err, progress);
            if (calibration != null) {
                train = LivenessSamples.measure(describe(calibration, calibrationName(nuaa)), calibration, faceAnalyzer, detector, err, progress);
            }
        }
        if (features != null) {
            LivenessSamples.writeCsv(features, train == null ? List.of(test) : List.of(test, train));
        }
        LivenessCombiner combiner = options.combiner();
        PrintWriter info = quiet ? new PrintWriter(java.io.Writer.nullWriter()) : out;
        if (fit || cues != null) {
            combiner = new LivenessFit(train).fit(forced, criterion, info);
            info.println("fitted: " + combiner);
            info.println("as Java (PassiveDefaults.COMBINER):");
            info.println(combiner.toJava());
        }
        info.println("evaluated: " + test.description);
        info.printf(Locale.ROOT, "  no face found: %d live, %d spoof (counted as rejected: an attack stopped, a live face refused)%n",
                test.noFace(true), test.noFace(false));
        if (train != null) {
            info.println("calibration: " + train.description);
            info.printf(Locale.ROOT, "  no face found: %d live, %d spoof%n", train.noFace(true), train.noFace(false));
        }
        String rule = threshold != null ? "given" : train == null ? "committed default"
                : targetApcer != null ? String.format(Locale.ROOT, "APCER %.3f on calibration", targetApcer) : "equal-error point on calibration";
        info.printf(Locale.ROOT, "%-22s %6s %6s %6s %6s %8s %8s  %s%n", "cue", "auc", "apcer", "bpcer", "acer", "bpcer@5%", "bpcer@1%", "threshold");
        for (LivenessCue cue : LivenessCue.values()) {
            double sign = orientation(train != null ? train : test, cue);
            double[] scores = test.cue(cue, sign);
            double t = train != null ? calibrate(train.cue(cue, sign), train.live()) : LivenessMetrics.equalErrorThreshold(scores, test.live());
            info.println(row(cue.id() + (sign < 0 ? " (low=live)" : ""), scores, test.live(), t,
                    String.format(Locale.ROOT, "%.4g%s", sign * t, train == null ? " (EER on this set)" : "")));
        }
        double[] scores = test.scores(combiner);
        double t = threshold != null ? threshold : train != null ? calibrate(train.scores(combiner), train.live()) : options.threshold();
        String name = combiner.cues().size() == 1 ? "combined (" + combiner.cues().get(0).id() + ")" : "combined (" + combiner.cues().size() + " cues)";
        info.println(row(name, scores, test.live(), t, String.format(Locale.ROOT, "%.4f (%s)", t, rule)));
        LivenessMetrics.Rates rates = LivenessMetrics.at(scores, test.live(), t);
        double auc = LivenessMetrics.auc(scores, test.live());
        if (report != null) {
            createParent(report);
            VerificationMetrics.Roc roc = VerificationMetrics.roc(scores, test.live());
            Charts.roc(roc.far(), roc.tar(), String.format(Locale.ROOT, "liveness ROC, %s (AUC %.3f)", test.description, auc),
                    "APCER (attacks accepted)", "1 - BPCER (live accepted)", report);
            info.println("report: " + report);
        }
        out.printf(Locale.ROOT, "apcer=%.3f bpcer=%.3f acer=%.3f auc=%.3f%n", rates.apcer(), rates.bpcer(), rates.acer(), auc);
        return ExitCodes.OK;
    }

    private static void createParent(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (java.io.IOException e) {
            throw new InputException("cannot create the folder of " + file + ": " + e.getMessage(), e);
        }
    }

    private double calibrate(double[] scores, boolean[] live) {
        return targetApcer != null ? LivenessMetrics.thresholdForApcer(scores, live, targetApcer)
                : LivenessMetrics.equalErrorThreshold(scores, live);
    }

    /** +1 when higher values of the cue mean live on this set (AUC >= 0.5), else -1. */
    private static double orientation(LivenessSamples samples, LivenessCue cue) {
        return LivenessMetrics.auc(samples.cue(cue, 1), samples.live()) >= 0.5 ? 1 : -1;
    }

    private static String row(String name, double[] scores, boolean[] live, double t, String thresholdText) {
        LivenessMetrics.Rates r = LivenessMetrics.at(scores, live, t);
        return String.format(Locale.ROOT, "%-22s %6.3f %6.3f %6.3f %6.3f %8.3f %8.3f  %s", name, LivenessMetrics.auc(scores, live),
                r.apcer(), r.bpcer(), r.acer(), LivenessMetrics.bpcerAtApcer(scores, live, 0.05),
                LivenessMetrics.bpcerAtApcer(scores, live, 0.01), thresholdText);
    }

    private LivenessDataset calibrationSet(boolean nuaa) {
        String from = calibrateOn != null ? calibrateOn : nuaa ? "train" : "none";
        if ("none".equals(from)) {
            return null;
        }
        if ("train".equals(from)) {
            if (!nuaa) {
                throw new UsageException("--calibrate-on train needs the NUAA layout; give a live/ + spoof/ folder or 'none'");
            }
            return load(dir, true, "train");
        }
        Path other = Path.of(from);
        if (!Files.isDirectory(other)) {
            throw new InputException("--calibrate-on: no such folder: " + other);
        }
        return load(other, LivenessDataset.isNuaa(other), "train");
    }

    private String calibrationName(boolean nuaa) {
        String from = calibrateOn != null ? calibrateOn : "train";
        return "train".equals(from) && nuaa ? "NUAA train split" : from;
    }

    private static LivenessDataset load(Path folder, boolean nuaa, String split) {
        LivenessDataset dataset;
        try {
            dataset = nuaa ? LivenessDataset.nuaa(folder, split) : LivenessDataset.folders(folder);
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage(), e);
        }
        if (dataset.liveCount() == 0 || dataset.attackCount() == 0) {
            throw new InputException(folder + (nuaa ? " (" + split + " split)" : "") + " has " + dataset.liveCount() + " live and "
                    + dataset.attackCount() + " spoof images present; both are needed");
        }
        return dataset;
    }

    private static String describe(LivenessDataset dataset, String name) {
        return String.format(Locale.ROOT, "%s: %d images present (%d live, %d spoof)%s", name, dataset.samples().size(),
                dataset.liveCount(), dataset.attackCount(),
                dataset.listed() != dataset.samples().size() ? " of " + dataset.listed() + " listed" : "");
    }
}
