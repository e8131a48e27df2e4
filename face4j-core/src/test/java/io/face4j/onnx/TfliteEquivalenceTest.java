package io.face4j.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.face4j.testing.Datasets;

/**
 * Every shipped model through importer + ONNX Runtime against the original TFLite interpreter, on seeded random
 * inputs and on real faces: max |difference| <= 1e-4 on every output.
 */
class TfliteEquivalenceTest {
    /** The bar from issue #2: float32 kernels in a different order of summation stay far inside this. */
    static final double TOLERANCE = 1e-4;

    private static final Map<ShippedModel, OnnxModel> ONNX = new ConcurrentHashMap<>();
    private static final Map<ShippedModel, TfliteReference> TFLITE = new ConcurrentHashMap<>();
    static final Map<String, Double> MAX_DIFF = new ConcurrentHashMap<>();

    static OnnxModel onnx(ShippedModel m) {
        return ONNX.computeIfAbsent(m, k -> OnnxModel.load(k, OnnxOptions.defaults().withIntraOpThreads(1)));
    }

    static TfliteReference tflite(ShippedModel m) {
        return TFLITE.computeIfAbsent(m, k -> new TfliteReference(resource(k)));
    }

    static byte[] resource(ShippedModel m) {
        try (InputStream in = TfliteEquivalenceTest.class.getResourceAsStream(m.resource())) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void closeAll() {
        ONNX.values().forEach(OnnxModel::close);
        TFLITE.values().forEach(TfliteReference::close);
        ONNX.clear();
        TFLITE.clear();
        System.out.println("max |onnx - tflite| per model/output: " + new java.util.TreeMap<>(MAX_DIFF));
    }

    // --------------------------------------------------------------------------------------------- PNet

    @ParameterizedTest(name = "PNet random input {0}x{1}")
    @CsvSource({"12, 12", "67, 50", "160, 120", "301, 217"})
    void pnetMatchesAtSeveralSizes(int width, int height) {
        // MTCNN models take the image transposed: [1, width, height, 3]
        FloatTensor input = random(new Random(width * 31L + height), 1f, 1, width, height, 3);
        compare(ShippedModel.PNET, input, tflite(ShippedModel.PNET).run(input));
    }

    @Test
    void pnetMatchesOnABatchItemByItem() {
        FloatTensor input = random(new Random(7), 1f, 3, 50, 40, 3);
        compare(ShippedModel.PNET, input, tflite(ShippedModel.PNET).runItemByItem(input, 1));
    }

    @Test
    void pnetMatchesOnRealFramesAtPyramidScales() throws IOException {
        Path dir = Datasets.require("bench-frames-640x480");
        List<Path> frames;
        try (Stream<Path> s = Files.list(dir)) {
            frames = s.filter(p -> p.toString().endsWith(".png")).sorted().limit(2).toList();
        }
        assertTrue(frames.size() > 0, "no frames in " + dir);
        for (Path frame : frames) {
            BufferedImage image = ImageIO.read(frame.toFile());
            // scales like an MTCNN pyramid for a 640x480 frame with min face 40: 12/40 * 0.709^k
            for (double scale : new double[] {0.3, 0.2127, 0.1069}) {
                int w = (int) Math.ceil(image.getWidth() * scale);
                int h = (int) Math.ceil(image.getHeight() * scale);
                FloatTensor input = mtcnnTransposed(resize(image, w, h));
                compare(ShippedModel.PNET, input, tflite(ShippedModel.PNET).run(input));
            }
        }
    }

    // --------------------------------------------------------------------------------------------- fixed-size models

    @ParameterizedTest(name = "{0} random batch {1}")
    @CsvSource({"RNET, 1", "RNET, 3", "RNET, 16", "ONET, 1", "ONET, 3", "ONET, 16", "MOBILEFACENET, 1",
            "MOBILEFACENET, 3", "MOBILEFACENET, 16", "ANTI_SPOOFING, 1", "ANTI_SPOOFING, 3", "ANTI_SPOOFING, 16"})
    void matchesOnRandomBatches(ShippedModel model, int batch) {
        int size = inputSize(model);
        FloatTensor input = random(new Random(batch * 1000L + model.ordinal()), model == ShippedModel.ANTI_SPOOFING ? 0.5f : 1f,
                batch, size, size, 3);
        if (model == ShippedModel.ANTI_SPOOFING) {
            // its inputs are pixels / 255 (FaceAntiSpoofing.kt normalizeImage): shift [-0.5, 0.5] to [0, 1]
            float[] d = input.data();
            for (int i = 0; i < d.length; i++) {
                d[i] += 0.5f;
            }
        }
        compare(model, input, reference(model, input));
    }

    @ParameterizedTest(name = "{0} on 16 aligned faces")
    @CsvSource({"RNET", "ONET", "MOBILEFACENET", "ANTI_SPOOFING"})
    void matchesOnRealFaces(ShippedModel model) throws IOException {
        Path root = Datasets.require("glint-celeb24-aligned112");
        List<Path> faces;
        try (Stream<Path> s = Files.walk(root)) {
            faces = s.filter(p -> p.toString().endsWith(".png") || p.toString().endsWith(".jpg")).sorted().limit(16).toList();
        }
        assertEquals(16, faces.size(), "expected at least 16 faces under " + root);
        int size = inputSize(model);
        List<BufferedImage> crops = new ArrayList<>();
        for (Path p : faces) {
            crops.add(resize(ImageIO.read(p.toFile()), size, size));
        }
        FloatTensor input = switch (model) {
            case RNET, ONET -> stack(crops.stream().map(TfliteEquivalenceTest::mtcnnTransposed).toList());
            // MobileFaceNet.kt: (pixel - 127.5) / 128; FaceAntiSpoofing.kt: pixel / 255
            case MOBILEFACENET -> stack(crops.stream().map(c -> pixels(c, 127.5f, 1 / 128f, false)).toList());
            default -> stack(crops.stream().map(c -> pixels(c, 0f, 1 / 255f, false)).toList());
        };
        compare(model, input, reference(model, input));
    }

    private static List<FloatTensor> reference(ShippedModel model, FloatTensor input) {
        TfliteReference ref = tflite(model);
        if (model == ShippedModel.MOBILEFACENET) {
            // its graph reshapes to a stored [2, 192]: the TFLite runtime cannot take another batch size
            return ref.runItemByItem(input, 2);
        }
        return ref.run(input);
    }

    static int inputSize(ShippedModel model) {
        return switch (model) {
            case RNET -> 24;
            case ONET -> 48;
            case MOBILEFACENET -> 112;
            case ANTI_SPOOFING -> 256;
            case PNET -> throw new IllegalArgumentException("model: PNet has no fixed size");
            case HUMAN_ANTISPOOF, HUMAN_LIVENESS -> throw new IllegalArgumentException("model: " + model + " is TFJS (TfjsEquivalenceTest)");
        };
    }

    // --------------------------------------------------------------------------------------------- comparison

    static void compare(ShippedModel model, FloatTensor input, List<FloatTensor> expected) {
        OnnxModel onnx = onnx(model);
        List<FloatTensor> actual = onnx.run(input);
        assertEquals(expected.size(), actual.size(), model + ": number of outputs");
        List<String> names = tflite(model).outputNames();
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(names.get(i), onnx.outputs().get(i).name(), model + ": output " + i + " name");
            assertArrayEquals(expected.get(i).shape(), actual.get(i).shape(), model + " output " + names.get(i) + " shape");
            double max = maxAbsDiff(expected.get(i).data(), actual.get(i).data());
            MAX_DIFF.merge(model + "/" + names.get(i), max, Math::max);
            assertTrue(max <= TOLERANCE, model + " output " + names.get(i) + " for input " + java.util.Arrays.toString(input.shape())
                    + ": max |difference| " + max + " > " + TOLERANCE);
        }
    }

    static double maxAbsDiff(float[] a, float[] b) {
        assertEquals(a.length, b.length);
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            double d = Math.abs((double) a[i] - b[i]);
            if (Double.isNaN(d)) {
                return Double.POSITIVE_INFINITY;
            }
            max = Math.max(max, d);
        }
        return max;
    }

    // --------------------------------------------------------------------------------------------- inputs

    static FloatTensor random(Random r, float amplitude, long... shape) {
        int n = 1;
        for (long d : shape) {
            n *= (int) d;
        }
        float[] data = new float[n];
        for (int i = 0; i < n; i++) {
            data[i] = (r.nextFloat() * 2 - 1) * amplitude;
        }
        return new FloatTensor(shape, data);
    }

    static BufferedImage resize(BufferedImage src, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    /** MTCNN input: (pixel - 127.5) * 0.0078125 (MTCNN.kt), laid out [1, width, height, 3] (transposed). */
    static FloatTensor mtcnnTransposed(BufferedImage image) {
        return pixels(image, 127.5f, 0.0078125f, true);
    }

    static FloatTensor pixels(BufferedImage image, float mean, float scale, boolean transposed) {
        int w = image.getWidth();
        int h = image.getHeight();
        float[] data = new float[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = image.getRGB(x, y);
                int at = 3 * (transposed ? x * h + y : y * w + x);
                data[at] = (((rgb >> 16) & 0xff) - mean) * scale;
                data[at + 1] = (((rgb >> 8) & 0xff) - mean) * scale;
                data[at + 2] = ((rgb & 0xff) - mean) * scale;
            }
        }
        return transposed ? FloatTensor.of(data, 1, w, h, 3) : FloatTensor.of(data, 1, h, w, 3);
    }

    static FloatTensor stack(List<FloatTensor> items) {
        int per = items.get(0).data().length;
        float[] data = new float[per * items.size()];
        for (int i = 0; i < items.size(); i++) {
            System.arraycopy(items.get(i).data(), 0, data, i * per, per);
        }
        long[] shape = items.get(0).shape().clone();
        shape[0] = items.size();
        return new FloatTensor(shape, data);
    }
}
