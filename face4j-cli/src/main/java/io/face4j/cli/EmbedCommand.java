package io.face4j.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.face4j.Face;
import io.face4j.FaceAnalyzer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code face4j embed IMAGE...}: the embedding of every face, one JSON object per line. */
@Command(name = "embed", mixinStandardHelpOptions = true,
        description = {"Print the embedding of every face as JSON Lines:",
                "{\"file\", \"face\" (index), \"box\", \"score\", \"model\", \"dimension\", \"embedding\" (L2-normalised)}."})
final class EmbedCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    AnalyzerMixin analyzer;

    @Mixin
    ImageArguments images;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (FaceAnalyzer faceAnalyzer = analyzer.open()) {
            return images.forEachImage(images.files(), spec.commandLine().getErr(), (file, image) -> {
                List<Face> faces = faceAnalyzer.analyze(image);
                for (int i = 0; i < faces.size(); i++) {
                    Face face = faces.get(i);
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("file", file.toString());
                    json.put("face", i);
                    json.put("box", FaceJson.box(face.box()));
                    json.put("score", FaceJson.round(face.score(), 4));
                    json.put("model", face.embedding().modelId());
                    json.put("dimension", face.embedding().dimension());
                    json.put("embedding", face.embedding().values());
                    out.println(FaceJson.line(json));
                }
            });
        }
    }
}
