package io.face4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import io.face4j.Face;
import io.face4j.FaceAnalyzer;
import io.face4j.liveness.LivenessDetector;
import io.face4j.liveness.LivenessResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code face4j detect IMAGE_OR_DIR...}: one line per face, like face_recognition's face_detection tool. */
@Command(name = "detect", mixinStandardHelpOptions = true,
        description = {"Find faces in images and print one line per face: file,x1,y1,x2,y2,score",
                "(box corners in source-image pixels). Images without faces print nothing.",
                "With --liveness two columns follow: live|spoof,LIVENESS_SCORE."})
final class DetectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    AnalyzerMixin analyzer;

    @Mixin
    ImageArguments images;

    @Option(names = "--json", description = "print JSON Lines (file, box, score, landmarks, quality) instead of CSV")
    boolean json;

    @Mixin
    LivenessOption liveness;

    @Option(names = "--annotate", paramLabel = "OUT_DIR", description = "write a copy of each image with boxes and landmarks drawn")
    Path annotateDir;

    @Override
    public Integer call() {
        return Failures.mapped(spec, this::detect);
    }

    private Integer detect() {
        PrintWriter out = spec.commandLine().getOut();
        List<Path> files = images.files();
        Annotations annotations = new Annotations(annotateDir);
        try (LivenessDetector livenessDetector = liveness.open(analyzer.threads);
                FaceAnalyzer faceAnalyzer = analyzer.openDetectOnly()) {
            return images.forEachImage(files, spec.commandLine().getErr(), (file, image) -> {
                List<Face> faces = faceAnalyzer.detect(image);
                Map<Face, LivenessResult> verdicts = new java.util.HashMap<>();
                for (Face face : faces) {
                    LivenessResult verdict = livenessDetector == null ? null : livenessDetector.check(image, face);
                    verdicts.put(face, verdict);
                    out.println(json ? jsonLine(file, face, verdict) : csvLine(file, face, verdict));
                }
                annotations.write(file, image, faces, face -> String.format(Locale.ROOT, "%.2f", face.score())
                        + (verdicts.get(face) == null ? "" : verdicts.get(face).live() ? " live" : " SPOOF"));
            });
        }
    }

    private static String csvLine(Path file, Face face, LivenessResult verdict) {
        return String.format(Locale.ROOT, "%s,%d,%d,%d,%d,%.4f", file, Math.round(face.box().x1()), Math.round(face.box().y1()),
                Math.round(face.box().x2()), Math.round(face.box().y2()), face.score())
                + (verdict == null ? "" : "," + FaceJson.livenessColumns(verdict));
    }

    private static String jsonLine(Path file, Face face, LivenessResult verdict) {
        Map<String, Object> json = new java.util.LinkedHashMap<>();
        json.put("file", file.toString());
        json.putAll(FaceJson.face(face));
        if (verdict != null) {
            json.put("liveness", FaceJson.liveness(verdict));
        }
        return FaceJson.line(json);
    }
}
