package io.face4j.onnx.tfjs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.face4j.onnx.FloatTensor;
import io.face4j.onnx.OnnxModel;
import io.face4j.onnx.OnnxOptions;
import io.face4j.onnx.ShippedModel;

/** The two Human models load through the TFJS importer with the TFJS names, NHWC shapes and a symbolic batch. */
class TfjsShippedModelTest {

    @Test
    void antispoofSignature() {
        try (OnnxModel model = OnnxModel.load(ShippedModel.HUMAN_ANTISPOOF, OnnxOptions.defaults().withIntraOpThreads(1))) {
            assertEquals("conv2d_input", model.inputs().get(0).name());
            assertArrayEquals(new long[] {-1, 128, 128, 3}, model.inputs().get(0).shape());
            assertEquals("Identity", model.outputs().get(0).name());
            assertArrayEquals(new long[] {-1, 1}, model.outputs().get(0).shape());
            List<FloatTensor> out = model.run(constant(0.5f, 3, 128, 128, 3));
            assertArrayEquals(new long[] {3, 1}, out.get(0).shape());
            for (float v : out.get(0).data()) {
                assertTrue(v > 0 && v < 1, "sigmoid output " + v);
            }
        }
    }

    @Test
    void livenessSignature() {
        try (OnnxModel model = OnnxModel.load(ShippedModel.HUMAN_LIVENESS, OnnxOptions.defaults().withIntraOpThreads(1))) {
            assertEquals("conv2d_1_input", model.inputs().get(0).name());
            assertArrayEquals(new long[] {-1, 32, 32, 3}, model.inputs().get(0).shape());
            assertEquals("Identity", model.outputs().get(0).name());
            assertArrayEquals(new long[] {-1, 2}, model.outputs().get(0).shape());
            float[] p = model.run(constant(0.5f, 2, 32, 32, 3)).get(0).data();
            assertEquals(4, p.length);
            assertEquals(1.0, p[0] + p[1], 1e-6, "softmax row sums to 1");
            assertEquals(1.0, p[2] + p[3], 1e-6, "softmax row sums to 1");
        }
    }

    @Test
    void conversionIsDeterministicAndReportsItsTime() {
        for (ShippedModel m : new ShippedModel[] {ShippedModel.HUMAN_ANTISPOOF, ShippedModel.HUMAN_LIVENESS}) {
            long t0 = System.nanoTime();
            byte[] first = OnnxModel.toOnnx(m);
            long t1 = System.nanoTime();
            byte[] second = OnnxModel.toOnnx(m);
            long t2 = System.nanoTime();
            assertArrayEquals(first, second, m + ": the same ONNX bytes every time");
            System.out.printf(java.util.Locale.ROOT, "%s: model.json + shards -> ONNX %d bytes, first %.1f ms, second %.1f ms%n", m,
                    first.length, (t1 - t0) / 1e6, (t2 - t1) / 1e6);
        }
    }

    static FloatTensor constant(float value, long... shape) {
        int n = 1;
        for (long d : shape) {
            n *= (int) d;
        }
        float[] data = new float[n];
        java.util.Arrays.fill(data, value);
        return FloatTensor.of(data, shape);
    }
}
