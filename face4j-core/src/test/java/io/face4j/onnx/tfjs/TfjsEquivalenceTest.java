package io.face4j.onnx.tfjs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.face4j.onnx.FloatTensor;
import io.face4j.onnx.OnnxModel;
import io.face4j.onnx.OnnxOptions;
import io.face4j.onnx.ShippedModel;
import io.face4j.testing.Datasets;

/**
 * The Human TFJS models through the TFJS importer + ONNX Runtime against TensorFlow.js's own outputs (the committed
 * fixture written by src/test/node/tfjs-reference.mjs with @tensorflow/tfjs on its CPU backend), on seeded inputs and
 * on real faces at batch 1 and 3: max |difference| <= 1e-4 on every output, as for the TFLite importer.
 */
class TfjsEquivalenceTest {
    static final double TOLERANCE = 1e-4;

    private static final Map<ShippedModel, OnnxModel> ONNX = new ConcurrentHashMap<>();
    private static final Map<String, Double> MAX_DIFF = new ConcurrentHashMap<>();

    static OnnxModel onnx(ShippedModel m) {
        return ONNX.computeIfAbsent(m, k -> OnnxModel.load(k, OnnxOptions.defaults().withIntraOpThreads(1)));
    }

    @AfterAll
    static void closeAll() {
        ONNX.values().forEach(OnnxModel::close);
        ONNX.clear();
        System.out.println("max |onnx - tfjs| per model/input: " + new TreeMap<>(MAX_DIFF) + " (reference: "
                + TfjsReference.fixtureInfo() + ")");
    }

    static Stream<TfjsReference.Case> seededCases() {
        return TfjsReference.cases().stream().filter(c -> c.input().equals("seeded"));
    }

    static Stream<TfjsReference.Case> faceCases() {
        return TfjsReference.cases().stream().filter(c -> c.input().equals("faces"));
    }

    @Test
    void fixtureCoversBothModelsAtBatchOneAndThree() {
        List<String> kinds = TfjsReference.cases().stream().map(c -> c.model() + "/" + c.input() + "/" + c.batch()).sorted().toList();
        assertEquals(List.of("antispoof/faces/1", "antispoof/faces/3", "antispoof/seeded/1", "antispoof/seeded/3",
                "liveness/faces/1", "liveness/faces/3", "liveness/seeded/1", "liveness/seeded/3"), kinds);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seededCases")
    void matchesTfjsOnSeededInputs(TfjsReference.Case c) {
        int size = TfjsReference.inputSize(c.model());
        float[] input = TfjsReference.seeded(c.seed(), c.batch() * size * size * 3);
        compare(c, input);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faceCases")
    void matchesTfjsOnRealFaces(TfjsReference.Case c) throws IOException {
        Path root = Datasets.require(TfjsReference.FACES_DATASET);
        int size = TfjsReference.inputSize(c.model());
        float[] faces = TfjsReference.faces(root, c.model());
        float[] input = java.util.Arrays.copyOf(faces, c.batch() * size * size * 3);
        compare(c, input);
    }

    private static void compare(TfjsReference.Case c, float[] input) {
        // the same bytes TFJS saw, or the comparison means nothing: regenerate the fixture (src/test/node/README.md)
        assertEquals(c.inputSha256(), TfjsReference.sha256(input), c + ": input differs from the one the fixture was computed on");
        int size = TfjsReference.inputSize(c.model());
        FloatTensor out = onnx(c.shipped()).run(FloatTensor.of(input, c.batch(), size, size, 3)).get(0);
        int classes = c.model().equals("antispoof") ? 1 : 2;
        assertArrayEquals(new long[] {c.batch(), classes}, out.shape(), c.toString());
        assertEquals(c.output().length, out.data().length, c.toString());
        double max = 0;
        for (int i = 0; i < out.data().length; i++) {
            max = Math.max(max, Math.abs(out.data()[i] - c.output()[i]));
        }
        MAX_DIFF.merge(c.model() + "/" + c.input(), max, Math::max);
        assertTrue(max <= TOLERANCE, c + ": max |onnx - tfjs| = " + max + " > " + TOLERANCE);
    }
}
