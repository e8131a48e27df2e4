package io.face4j.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Every shipped model loads through the importer, reports the expected signature and runs at a new batch size. */
class ShippedModelLoadTest {

    @Test
    void pnetHasSymbolicBatchHeightAndWidth() {
        try (OnnxModel pnet = OnnxModel.load(ShippedModel.PNET, OnnxOptions.defaults())) {
            pnet.requireInput(0, -1, -1, -1, 3);
            assertEquals("pnet/input", pnet.inputs().get(0).name());
            assertArrayEquals(new long[] {-1, -1, -1, 3}, pnet.inputs().get(0).shape());
            assertEquals(List.of("pnet/prob1", "pnet/conv4-2/BiasAdd"), pnet.outputs().stream().map(OnnxModel.TensorInfo::name).toList());
            List<FloatTensor> out = pnet.run(random(2, 40, 30, 3));
            // three 3x3 valid convolutions and one 2x2 stride-2 pool: 40 -> 38 -> 19 -> 17 -> 15; 30 -> 28 -> 14 -> 12 -> 10
            assertArrayEquals(new long[] {2, 15, 10, 2}, out.get(0).shape());
            assertArrayEquals(new long[] {2, 15, 10, 4}, out.get(1).shape());
        }
    }

    @Test
    void rnetOnetMobileFaceNetAndAntiSpoofingHaveSymbolicBatch() {
        check(ShippedModel.RNET, new long[] {-1, 24, 24, 3}, 5, new long[] {5, 2}, new long[] {5, 4});
        check(ShippedModel.ONET, new long[] {-1, 48, 48, 3}, 3, new long[] {3, 2}, new long[] {3, 4}, new long[] {3, 10});
        check(ShippedModel.MOBILEFACENET, new long[] {-1, 112, 112, 3}, 3, new long[] {3, 192});
        check(ShippedModel.ANTI_SPOOFING, new long[] {-1, 256, 256, 3}, 2, new long[] {2, 8}, new long[] {2, 8});
    }

    private static void check(ShippedModel which, long[] input, int batch, long[]... outputs) {
        try (OnnxModel model = OnnxModel.load(which, OnnxOptions.defaults().withIntraOpThreads(1))) {
            assertArrayEquals(input, model.inputs().get(0).shape(), which + " input");
            long[] shape = input.clone();
            shape[0] = batch;
            List<FloatTensor> out = model.run(random(shape));
            assertEquals(outputs.length, out.size());
            for (int i = 0; i < outputs.length; i++) {
                assertArrayEquals(outputs[i], out.get(i).shape(), which + " output " + i);
            }
        }
    }

    static FloatTensor random(long... shape) {
        int n = 1;
        for (long d : shape) {
            n *= (int) d;
        }
        Random r = new Random(42);
        float[] data = new float[n];
        for (int i = 0; i < n; i++) {
            data[i] = r.nextFloat() * 2 - 1;
        }
        return FloatTensor.of(data, shape);
    }
}
