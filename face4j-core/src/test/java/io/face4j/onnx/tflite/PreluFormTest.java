package io.face4j.onnx.tflite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.face4j.onnx.FloatTensor;
import io.face4j.onnx.OnnxModel;
import io.face4j.onnx.OnnxOptions;
import io.face4j.onnx.ShippedModel;

/**
 * The two ways the importer writes a PReLU give the same outputs on every shipped model that has PReLUs (each form is
 * also checked against TFLite by TfliteEquivalenceTest, which uses the default form).
 */
class PreluFormTest {
    /** The equivalence bar of TfliteEquivalenceTest. */
    private static final double TOLERANCE = 1e-4;

    @ParameterizedTest(name = "{0} [{1}, {2}, {3}, 3]")
    @CsvSource({"PNET, 1, 67, 50", "RNET, 5, 24, 24", "ONET, 5, 48, 48", "MOBILEFACENET, 3, 112, 112"})
    void depthwiseFormMatchesPrelu(ShippedModel which, int batch, int d1, int d2) throws IOException {
        byte[] tflite;
        try (InputStream in = PreluFormTest.class.getResourceAsStream(which.resource())) {
            tflite = in.readAllBytes();
        }
        FloatTensor input = random(new Random(which.ordinal()), batch, d1, d2, 3);
        OnnxOptions options = OnnxOptions.defaults().withIntraOpThreads(1);
        try (OnnxModel prelu = OnnxModel.fromOnnx(TfliteImporter.convert(tflite, which.fileName(), TfliteImporter.PreluForm.PRELU),
                which + " PRelu", options);
                OnnxModel depthwise = OnnxModel.fromOnnx(
                        TfliteImporter.convert(tflite, which.fileName(), TfliteImporter.PreluForm.DEPTHWISE_CONV),
                        which + " depthwise", options)) {
            List<FloatTensor> a = prelu.run(input);
            List<FloatTensor> b = depthwise.run(input);
            assertEquals(a.size(), b.size());
            for (int i = 0; i < a.size(); i++) {
                assertArrayEquals(a.get(i).shape(), b.get(i).shape());
                double max = 0;
                for (int k = 0; k < a.get(i).data().length; k++) {
                    max = Math.max(max, Math.abs(a.get(i).data()[k] - b.get(i).data()[k]));
                }
                assertTrue(max <= TOLERANCE, which + " output " + i + ": max |PRelu - depthwise| = " + max);
            }
        }
    }

    private static FloatTensor random(Random r, long... shape) {
        int n = 1;
        for (long d : shape) {
            n *= (int) d;
        }
        float[] data = new float[n];
        for (int i = 0; i < n; i++) {
            data[i] = r.nextFloat() * 2 - 1;
        }
        return FloatTensor.of(data, shape);
    }
}
