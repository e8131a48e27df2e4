package io.face4j.onnx.tfjs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import io.face4j.image.RgbImage;
import io.face4j.onnx.ShippedModel;

/**
 * The inputs and reference outputs shared with {@code src/test/node/tfjs-reference.mjs}: seeded inputs defined
 * identically in both languages, real-face inputs made here (and written for the script by
 * {@link TfjsReferenceInputsWriter}), and the committed fixture of TFJS outputs.
 */
public final class TfjsReference {
    static final String FIXTURE = "/io/face4j/onnx/tfjs/tfjs-reference.json";
    static final String FACES_DATASET = "glint-celeb24-aligned112";

    private TfjsReference() {
    }

    /** One case of the fixture: model name (antispoof, liveness), input kind (seeded, faces), seed, batch, outputs. */
    record Case(String model, String input, int seed, int batch, String inputSha256, float[] output) {
        ShippedModel shipped() {
            return model.equals("antispoof") ? ShippedModel.HUMAN_ANTISPOOF : ShippedModel.HUMAN_LIVENESS;
        }

        @Override
        public String toString() {
            return model + " " + input + (input.equals("seeded") ? " seed " + seed : "") + " batch " + batch;
        }
    }

    static int inputSize(String model) {
        return model.equals("antispoof") ? 128 : 32; // the models' input shapes (model.json signature)
    }

    /**
     * A 32-bit LCG (Numerical Recipes constants 1664525, 1013904223); each value is the top 24 bits of the state
     * / 2^24, exact in float32 and in [0, 1): the models take pixels / 255.
     */
    public static float[] seeded(int seed, int count) {
        float[] out = new float[count];
        int state = seed;
        for (int i = 0; i < count; i++) {
            state = state * 1664525 + 1013904223;
            out[i] = (state >>> 8) / 16777216f;
        }
        return out;
    }

    /**
     * Three real faces for {@code model}: the first image of each of the first three identity folders of the aligned
     * 112x112 crops, resized bilinearly to the model's input size, RGB / 255.
     */
    static float[] faces(Path datasetRoot, String model) throws IOException {
        List<Path> picks = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(datasetRoot)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> files = Files.list(dir)) {
                    files.filter(p -> p.toString().endsWith(".png") || p.toString().endsWith(".jpg")).sorted().findFirst()
                            .ifPresent(picks::add);
                }
                if (picks.size() == 3) {
                    break;
                }
            }
        }
        if (picks.size() != 3) {
            throw new IOException("expected three identity folders with images under " + datasetRoot);
        }
        int size = inputSize(model);
        float[] out = new float[3 * size * size * 3];
        for (int i = 0; i < 3; i++) {
            RgbImage face = RgbImage.fromBufferedImage(ImageIO.read(picks.get(i).toFile())).resizeBilinear(size, size);
            face.writeNhwc(out, i * size * size * 3, 0f, 255f, false);
        }
        return out;
    }

    static byte[] littleEndian(float[] data) {
        ByteBuffer b = ByteBuffer.allocate(4 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(data);
        return b.array();
    }

    static String sha256(float[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(littleEndian(data)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One crop of the fixture: a face box [x1, y1, x2, y2], Human's square for it, and every step-th output value. */
    public record Crop(double[] face, double[] cropBox, int size, int step, float[] values) {
    }

    public static List<Crop> crops() {
        Map<String, Object> doc = TfjsModel.object(readFixture(), FIXTURE, "fixture");
        List<Crop> out = new ArrayList<>();
        for (Object o : TfjsModel.list(doc.get("crops"), FIXTURE, "crops")) {
            Map<String, Object> c = TfjsModel.object(o, FIXTURE, "crop");
            out.add(new Crop(doubles(c.get("face")), doubles(c.get("cropBox")), (int) TfjsModel.toLong(c.get("size"), FIXTURE, "size"),
                    (int) TfjsModel.toLong(c.get("step"), FIXTURE, "step"), floats(c.get("values"))));
        }
        return out;
    }

    private static double[] doubles(Object list) {
        List<Object> l = TfjsModel.list(list, FIXTURE, "numbers");
        double[] out = new double[l.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = TfjsModel.number(l.get(i), FIXTURE, "number");
        }
        return out;
    }

    private static float[] floats(Object list) {
        double[] d = doubles(list);
        float[] out = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = (float) d[i];
        }
        return out;
    }

    static Map<String, Object> fixtureInfo() {
        Map<String, Object> doc = TfjsModel.object(readFixture(), FIXTURE, "fixture");
        Map<String, Object> info = new LinkedHashMap<>(doc);
        info.remove("cases");
        info.remove("crops");
        return info;
    }

    static List<Case> cases() {
        Map<String, Object> doc = TfjsModel.object(readFixture(), FIXTURE, "fixture");
        List<Case> out = new ArrayList<>();
        for (Object o : TfjsModel.list(doc.get("cases"), FIXTURE, "cases")) {
            Map<String, Object> c = TfjsModel.object(o, FIXTURE, "case");
            List<Object> values = TfjsModel.list(c.get("output"), FIXTURE, "output");
            float[] output = new float[values.size()];
            for (int i = 0; i < output.length; i++) {
                output[i] = (float) TfjsModel.number(values.get(i), FIXTURE, "output");
            }
            int seed = c.containsKey("seed") ? (int) TfjsModel.toLong(c.get("seed"), FIXTURE, "seed") : 0;
            out.add(new Case((String) c.get("model"), (String) c.get("input"), seed, (int) TfjsModel.toLong(c.get("batch"), FIXTURE, "batch"),
                    (String) c.get("inputSha256"), output));
        }
        return out;
    }

    private static Object readFixture() {
        try (InputStream in = TfjsReference.class.getResourceAsStream(FIXTURE)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + FIXTURE);
            }
            return Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
