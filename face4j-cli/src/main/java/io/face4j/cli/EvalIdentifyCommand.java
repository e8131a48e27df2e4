package io.face4j.cli;

import io.face4j.FaceFinder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.face4j.embed.Embedding;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.face4j.FaceAnalyzer;
import io.face4j.eval.OpenSetMetrics;
import io.face4j.gallery.DecisionPolicy;
import io.face4j.image.Degradation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code face4j eval-identify DIR}: open-set identification with a temporary gallery. */
@Command(name = "eval-identify", mixinStandardHelpOptions = true,
        description = {"Open-set identification on DIR/NAME/*.jpg: enrol K photos of most people into a temporary gallery,",
                "search with their other photos and with every photo of the people left out. Prints rank-1 accuracy and the",
                "detection-and-identification rate (DIR) at false-positive identification rates (FPIR) 1e-2 and 1e-1;",
                "the last line is key=value (one such line per policy with --policy all).",
                "--degrade applies to the probe photos only; the enrolled photos are used as read.",
                "--enrol-degrade SPEC (repeatable) is the mixed-condition protocol: the conditions are 'as read' plus each SPEC;",
                "a person's j-th enrolled photo is degraded by condition j mod (number of conditions), and every probe photo",
                "is measured under every condition (under --degrade only, when that is given too)."})
final class EvalIdentifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    AnalyzerMixin analyzer;

    @Parameters(paramLabel = "DIR", description = "folder of per-person folders")
    Path dir;

    @Option(names = "--enrol-per-person", paramLabel = "K", defaultValue = "2", description = "photos enrolled per known person (default: ${DEFAULT-VALUE})")
    int perPerson;

    @Option(names = "--unknown-fraction", paramLabel = "F", defaultValue = "0.3", description = "fraction of people never enrolled (default: ${DEFAULT-VALUE})")
    double unknownFraction;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "seed of the shuffle choosing people and photos (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--policy", paramLabel = "POLICY", defaultValue = PolicyOption.DEFAULT,
            description = "nearest, centroid, knn[:K], clusters[:K[@SPLIT]], fusion:ALPHA, top:M, a comma-separated list, or all (nearest, centroid, knn:1, knn:3, knn:5, clusters); default: ${DEFAULT-VALUE}")
    String policy;

    @Mixin
    DegradeOptions degrade;

    @Option(names = "--enrol-degrade", paramLabel = "SPEC",
            description = "add a condition (a --degrade SPEC) to the mixed-condition protocol; repeatable")
    List<String> enrolDegrade = new ArrayList<>();

    @Option(names = {"-q", "--quiet"}, description = "no progress bar; print only the key=value lines")
    boolean quiet;

    @Override
    public Integer call() {
        return Failures.mapped(spec, () -> {
            if (perPerson < 1 || !(unknownFraction > 0 && unknownFraction < 1)) {
                throw new UsageException("--enrol-per-person must be >= 1 and --unknown-fraction in (0, 1)");
            }
            List<DecisionPolicy> policies = policies();
            Degradation degradation = degrade.degradation();
            List<Degradation> enrolConditions = new ArrayList<>(List.of(Degradation.none()));
            for (String s : enrolDegrade) {
                enrolConditions.add(DegradeOptions.parse(s, "--enrol-degrade"));
            }
            boolean mixed = enrolConditions.size() > 1;
            List<Degradation> probeConditions = mixed && degradation.kind() == Degradation.Kind.NONE ? enrolConditions : List.of(degradation);
            OpenSetEvaluation.Split split = OpenSetEvaluation.split(dir, perPerson, unknownFraction, seed);
            PrintWriter out = spec.commandLine().getOut();
            int photos = split.enrol().stream().mapToInt(List::size).sum()
                    + (split.matedProbes().size() + split.nonMatedProbes().size()) * probeConditions.size();
            try (FaceAnalyzer faceAnalyzer = analyzer.open(); Progress progress = Progress.start("eval-identify", photos, quiet)) {
                PrimaryEmbeddings embeddings = new PrimaryEmbeddings(new FaceFinder(faceAnalyzer), spec.commandLine().getErr(), progress,
                        degradation, degrade.seed);
                List<Function<Path, Optional<Embedding>>> enrolEmbed = enrolConditions.stream()
                        .<Function<Path, Optional<Embedding>>>map(d -> embeddings.with(d)::of).toList();
                List<Function<Path, Optional<Embedding>>> probeEmbed = probeConditions.stream()
                        .<Function<Path, Optional<Embedding>>>map(d -> embeddings.with(d)::of).toList();
                List<OpenSetEvaluation.Result> results = OpenSetEvaluation.run(split, enrolEmbed, probeEmbed, policies);
                progress.close();
                if (!quiet) {
                    if (mixed) {
                        out.println("mixed conditions: enrolled photos cycle through " + enrolConditions + "; probes under " + probeConditions);
                    } else {
                        out.println("degrade: " + degradation + " (probe photos only)");
                    }
                    out.printf(Locale.ROOT, "%d people enrolled (%d photos each), %d left out; %d mated and %d non-mated probes%n",
                            split.knownNames().size(), perPerson, InputFiles.subfolders(dir).size() - split.knownNames().size(),
                            split.matedProbes().size(), split.nonMatedProbes().size());
                    for (OpenSetEvaluation.Result r : results) {
                        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-9s rank-1 %.4f", r.policy(), r.rank1()));
                        for (OpenSetMetrics.Point p : r.points()) {
                            s.append(String.format(Locale.ROOT, "   DIR %.4f at FPIR %.0e (achieved %.3f, threshold %.3f)", p.dir(), p.fpir(), p.achieved(), p.threshold()));
                        }
                        out.println(s);
                    }
                }
                String condition = mixed ? " enrol=" + String.join("+", enrolConditions.stream().map(Object::toString).toList())
                        + " probes=" + String.join("+", probeConditions.stream().map(Object::toString).toList()) : " degrade=" + degradation;
                results.forEach(r -> out.println(r.line() + condition + " " + analyzer.illuminationLine()));
                return ExitCodes.OK;
            }
        });
    }

    private List<DecisionPolicy> policies() {
        if ("all".equals(policy)) {
            return List.of(DecisionPolicy.nearestTemplate(), DecisionPolicy.centroid(), DecisionPolicy.knnVote(1),
                    DecisionPolicy.knnVote(3), DecisionPolicy.knnVote(5), DecisionPolicy.clusters());
        }
        try {
            List<DecisionPolicy> list = new ArrayList<>();
            for (String p : policy.split(",")) {
                list.add(PolicyOption.parse(p.trim()));
            }
            return list;
        } catch (RuntimeException e) {
            throw new UsageException(e.getMessage() + " (or all)");
        }
    }
}
