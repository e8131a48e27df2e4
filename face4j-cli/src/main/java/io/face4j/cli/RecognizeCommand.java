package io.face4j.cli;

import io.face4j.FaceFinder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import io.face4j.FaceAnalyzer;
import io.face4j.gallery.Candidate;
import io.face4j.gallery.DecisionPolicy;
import io.face4j.quality.QualityBar;
import io.face4j.gallery.Gallery;
import io.face4j.gallery.Matcher;
import io.face4j.liveness.LivenessDetector;
import io.face4j.liveness.LivenessResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code face4j recognize IMAGE_OR_DIR...}: who is in each photo, one line per face (face_recognition's CLI format). */
@Command(name = "recognize", aliases = "recognise", mixinStandardHelpOptions = true,
        description = {"Recognise every face against the gallery and print one line per face:",
                "file,name,similarity,x1,y1,x2,y2,reason. The name is 'unknown' when the best",
                "similarity is below the threshold (reason below_threshold) or the face is",
                "below the quality bar (reason low_quality:too_dark, low_quality:blurry+partial,",
                "...); otherwise the reason is match. The quality options below start from",
                "the recognition bar. With --liveness two columns follow: live|spoof,LIVENESS_SCORE",
                "(a spoof keeps its name: the command reports, it does not refuse; the REST API's",
                "requireLive refuses)."})
final class RecognizeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    AnalyzerMixin analyzer;

    @Mixin
    ImageArguments images;

    @Mixin
    GalleryMixin gallery;

    @Option(names = "--json", description = "JSON Lines with margin, quality, identity id and the top candidates")
    boolean json;

    @Mixin
    LivenessOption liveness;

    @Option(names = "--annotate", paramLabel = "OUT_DIR", description = "write a copy of each image with boxes and 'name score' labels")
    Path annotateDir;

    @Option(names = "--threshold", paramLabel = "SIMILARITY", description = "use this threshold instead of the calibrated one, for this run")
    Double threshold;

    @Option(names = "--policy", paramLabel = "POLICY", defaultValue = PolicyOption.DEFAULT, converter = PolicyOption.class,
            description = "nearest, centroid, knn[:K], clusters[:K], fusion:ALPHA or top:M (default: ${DEFAULT-VALUE})")
    DecisionPolicy policy;

    @Mixin
    QualityGate quality;

    @Option(names = {"-q", "--quiet"}, description = "do not announce the default threshold on standard error")
    boolean quiet;

    @Override
    public Integer call() {
        return Failures.mapped(spec, () -> {
            Thresholds.check(threshold);
            QualityBar bar = quality.bar(QualityBar.recognition());
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            List<Path> files = images.files();
            Annotations annotations = new Annotations(annotateDir);
            try (Gallery g = gallery.open(); LivenessDetector livenessDetector = liveness.open(analyzer.threads);
                    FaceAnalyzer faceAnalyzer = analyzer.open()) {
                String modelId = faceAnalyzer.embedder().orElseThrow().modelId();
                if (g.stats().identities() == 0 && !quiet) {
                    err.println("face4j recognize: the gallery " + g.options().path() + " is empty: every face is unknown (enrol people with 'face4j enroll')");
                }
                double t = Thresholds.resolve(threshold, g, modelId, policy, err, quiet);
                Recognizer recognizer = new Recognizer(new FaceFinder(faceAnalyzer), new Matcher(g), modelId, policy, t, bar);
                return images.forEachImage(files, err, (file, image) -> {
                    List<Recognizer.Result> results = recognizer.recognize(image);
                    Map<io.face4j.Face, String> labels = new LinkedHashMap<>();
                    for (Recognizer.Result r : results) {
                        LivenessResult verdict = livenessDetector == null ? null : livenessDetector.check(image, r.face());
                        out.println(json ? jsonLine(file, r, verdict) : csvLine(file, r, verdict));
                        labels.put(r.face(), String.format(Locale.ROOT, "%s %.2f", r.name(), r.decision().similarity())
                                + (verdict == null ? "" : verdict.live() ? " live" : " SPOOF"));
                    }
                    annotations.write(file, image, results.stream().map(Recognizer.Result::face).toList(), labels::get);
                });
            }
        });
    }

    private static String csvLine(Path file, Recognizer.Result r, LivenessResult verdict) {
        var box = r.face().box();
        return String.format(Locale.ROOT, "%s,%s,%.4f,%d,%d,%d,%d,%s", file, r.name(), r.decision().similarity(),
                Math.round(box.x1()), Math.round(box.y1()), Math.round(box.x2()), Math.round(box.y2()), r.reason())
                + (verdict == null ? "" : "," + FaceJson.livenessColumns(verdict));
    }

    private static String jsonLine(Path file, Recognizer.Result r, LivenessResult verdict) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("file", file.toString());
        json.put("name", r.name());
        json.put("identityId", r.decision().identityId().orElse(null));
        json.put("similarity", FaceJson.round(r.decision().similarity(), 4));
        json.put("margin", FaceJson.round(r.decision().margin(), 4));
        json.put("reason", r.decision().reason().code());
        json.putAll(FaceJson.face(r.face(), r.quality()));
        List<Map<String, Object>> candidates = new ArrayList<>();
        for (Candidate c : r.decision().candidates()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", c.name());
            m.put("identityId", c.identityId());
            m.put("similarity", FaceJson.round(c.similarity(), 4));
            candidates.add(m);
        }
        json.put("candidates", candidates);
        if (verdict != null) {
            json.put("liveness", FaceJson.liveness(verdict));
        }
        return FaceJson.line(json);
    }
}
