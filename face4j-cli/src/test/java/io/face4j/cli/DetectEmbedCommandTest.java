package io.face4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.face4j.image.Images;
import io.face4j.image.RgbImage;
import io.face4j.testing.Datasets;

/** detect, embed and import-model run in-process through {@link Face4jCli#run}. */
class DetectEmbedCommandTest {

    record Run(int code, String out, String err) {
        List<String> lines() {
            return out.isBlank() ? List.of() : Arrays.asList(out.strip().split("\\R"));
        }
    }

    static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Face4jCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    private static Path blank(Path dir) {
        byte[] grey = new byte[200 * 150 * 3];
        Arrays.fill(grey, (byte) 90);
        Path file = dir.resolve("blank.png");
        Images.write(RgbImage.of(200, 150, grey), file);
        return file;
    }

    @Test
    void blankImagePrintsNothingAndSucceeds(@TempDir Path dir) {
        Run run = cli("detect", blank(dir).toString());
        assertEquals(ExitCodes.OK, run.code(), run.err());
        assertEquals(List.of(), run.lines());
    }

    @Test
    void unreadableAndMissingFilesAreReportedAndTheRestStillRuns(@TempDir Path dir) throws Exception {
        Path text = Files.writeString(dir.resolve("notes.jpg"), "not an image");
        Run run = cli("detect", text.toString(), dir.resolve("missing.png").toString(), blank(dir).toString());
        assertEquals(ExitCodes.INPUT, run.code());
        assertTrue(run.err().contains("notes.jpg") && run.err().contains("unknown format"), run.err());
        assertTrue(run.err().contains("missing.png") && run.err().contains("no such file"), run.err());
        assertTrue(!run.err().contains("Exception"), "no stack trace: " + run.err());
    }

    @Test
    void usageErrorsExitWithOne() {
        assertEquals(ExitCodes.USAGE, cli("detect", "--bogus", "x.jpg").code());
        assertEquals(ExitCodes.USAGE, cli("detect").code());
        assertEquals(ExitCodes.USAGE, cli("no-such-command").code());
        assertEquals(ExitCodes.INPUT, cli("detect", "--min-face", "3", "x.jpg").code());
    }

    @Test
    void detectsFacesAsCsvJsonAndAnnotatedCopies(@TempDir Path dir) throws Exception {
        Path frame = Datasets.require("bench-frames-640x480").resolve("bbt1_640x480.png");
        Run csv = cli("detect", frame.toString());
        assertEquals(ExitCodes.OK, csv.code(), csv.err());
        assertEquals(4, csv.lines().size(), csv.out()); // four people on the sofa, all frontal
        for (String line : csv.lines()) {
            String[] fields = line.split(",");
            assertEquals(6, fields.length, line);
            assertEquals(frame.toString(), fields[0]);
            int x1 = Integer.parseInt(fields[1]);
            int x2 = Integer.parseInt(fields[3]);
            assertTrue(x1 < x2 && x1 >= 0 && x2 <= 640, line);
            assertTrue(Double.parseDouble(fields[5]) > 0.9, line);
        }

        Path out = dir.resolve("annotated");
        Run json = cli("detect", "--json", "--annotate", out.toString(), frame.toString());
        assertEquals(4, json.lines().size());
        JsonNode face = FaceJson.mapper().readTree(json.lines().get(0));
        assertEquals(5, face.get("landmarks").size());
        assertTrue(face.get("quality").get("interOcularPx").asDouble() > 10);
        RgbImage annotated = Images.read(out.resolve("bbt1_640x480.png"));
        assertEquals(640, annotated.width());
    }

    @Test
    void livenessAddsColumnsAndAJsonObjectPerFace() throws Exception {
        Path frame = Datasets.require("bench-frames-640x480").resolve("bbt1_640x480.png");
        Run csv = cli("detect", "--liveness", frame.toString());
        assertEquals(ExitCodes.OK, csv.code(), csv.err());
        assertEquals(4, csv.lines().size(), csv.out());
        for (String line : csv.lines()) {
            String[] fields = line.split(",");
            assertEquals(8, fields.length, line);
            assertTrue(fields[6].equals("live") || fields[6].equals("spoof"), line);
            double score = Double.parseDouble(fields[7]);
            assertTrue(score >= 0 && score <= 1, line);
        }
        Run json = cli("detect", "--json", "--liveness", "--liveness-threshold", "0.25", frame.toString());
        JsonNode liveness = FaceJson.mapper().readTree(json.lines().get(0)).get("liveness");
        assertEquals(0.25, liveness.get("threshold").asDouble(), 1e-9);
        assertEquals(liveness.get("score").asDouble() >= 0.25, liveness.get("live").asBoolean());
        assertEquals("sharpness", liveness.get("evidence").get(0).get("name").asText(), liveness::toString);
        assertEquals(ExitCodes.USAGE, cli("detect", "--liveness-threshold", "0.3", frame.toString()).code(), "threshold needs --liveness");
        assertEquals(ExitCodes.USAGE, cli("detect", "--liveness", "--liveness-threshold", "2", frame.toString()).code());
    }

    @Test
    void embedPrintsNormalisedVectors() throws Exception {
        Path photo = Datasets.require("face_recognition-examples").resolve("examples/obama.jpg");
        Run run = cli("embed", photo.toString());
        assertEquals(ExitCodes.OK, run.code(), run.err());
        JsonNode first = FaceJson.mapper().readTree(run.lines().get(0));
        assertEquals("mobilefacenet-192", first.get("model").asText());
        assertEquals(192, first.get("embedding").size());
        double norm = 0;
        for (JsonNode v : first.get("embedding")) {
            norm += v.asDouble() * v.asDouble();
        }
        assertEquals(1.0, Math.sqrt(norm), 1e-4);
    }

    @Test
    void importModelWritesALoadableOnnxFileAndRefusesToOverwrite(@TempDir Path dir) throws Exception {
        Path tflite = dir.resolve("rnet.tflite");
        try (var in = DetectEmbedCommandTest.class.getResourceAsStream("/io/face4j/models/rnet.tflite")) {
            Files.copy(in, tflite);
        }
        Path onnx = dir.resolve("rnet.onnx");
        Run run = cli("import-model", tflite.toString(), onnx.toString());
        assertEquals(ExitCodes.OK, run.code(), run.err());
        assertTrue(run.out().contains("rnet/prob1"), run.out());
        assertTrue(Files.size(onnx) > 100_000);
        Run again = cli("import-model", tflite.toString(), onnx.toString());
        assertEquals(ExitCodes.INPUT, again.code());
        assertTrue(again.err().contains("--force"), again.err());
        Run bad = cli("import-model", onnx.toString(), dir.resolve("x.onnx").toString());
        assertEquals(ExitCodes.INPUT, bad.code());
        assertTrue(bad.err().contains("TFL3"), bad.err());
    }

    @Test
    void importModelConvertsATfjsGraphModel(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("liveness.json");
        for (String file : new String[] {"liveness.json", "liveness.bin"}) {
            try (var in = DetectEmbedCommandTest.class.getResourceAsStream("/io/face4j/models/human/" + file)) {
                Files.copy(in, dir.resolve(file));
            }
        }
        Path onnx = dir.resolve("liveness.onnx");
        Run run = cli("import-model", json.toString(), onnx.toString());
        assertEquals(ExitCodes.OK, run.code(), run.err());
        assertTrue(run.out().contains("input  conv2d_1_input [-1, 32, 32, 3]"), run.out());
        assertTrue(run.out().contains("output Identity [-1, 2]"), run.out());
        Files.delete(dir.resolve("liveness.bin"));
        Run missing = cli("import-model", json.toString(), dir.resolve("y.onnx").toString());
        assertEquals(ExitCodes.INPUT, missing.code(), missing.err());
        assertTrue(missing.err().contains("weight shard 'liveness.bin'"), missing.err());
    }
}
