package io.face4j.onnx;

import static io.face4j.onnx.proto.OnnxGraph.Attr;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.face4j.onnx.proto.OnnxGraph;

/** A tiny graph written with our own ONNX writer runs in ONNX Runtime and gives hand-computed numbers. */
class OnnxGraphRoundTripTest {

    @Test
    void gemmPreluSoftmaxGraphGivesHandComputedValues() {
        // y = softmax(prelu(x W^T + b, slope)), x: [batch, 2], W: [3, 2]
        OnnxGraph g = new OnnxGraph("tiny");
        g.input("x", OnnxGraph.FLOAT, "batch", 2L);
        g.floatInitializer("W", new long[] {3, 2}, new float[] {1, 0, 0, 1, 1, 1});
        g.floatInitializer("b", new long[] {3}, new float[] {0, -1, 0.5f});
        g.floatInitializer("slope", new long[] {3}, new float[] {0.5f, 0.25f, 2f});
        g.node("Gemm", List.of("x", "W", "b"), List.of("h"), Attr.i("transB", 1));
        g.node("PRelu", List.of("h", "slope"), List.of("p"));
        g.node("Softmax", List.of("p"), List.of("y"), Attr.i("axis", -1));
        g.output("p", OnnxGraph.FLOAT, "batch", 3L);
        g.output("y", OnnxGraph.FLOAT, "batch", 3L);
        byte[] onnx = g.toModel("test", null, 17);

        try (OnnxModel model = OnnxModel.fromOnnx(onnx, "tiny.onnx", OnnxOptions.defaults())) {
            assertArrayEquals(new long[] {-1, 2}, model.inputs().get(0).shape());
            List<FloatTensor> out = model.run(FloatTensor.of(new float[] {2, -4, 1, 1}, 2, 2));
            // row 0: h = (2, -4 - 1, 2 - 4 + 0.5) = (2, -5, -1.5); prelu -> (2, -1.25, -3)
            // row 1: h = (1, 0, 2.5); prelu -> (1, 0, 2.5)
            float[] p = out.get(0).data();
            assertArrayEquals(new float[] {2, -1.25f, -3, 1, 0, 2.5f}, p, 1e-6f);
            double[] e0 = {Math.exp(2), Math.exp(-1.25), Math.exp(-3)};
            double[] e1 = {Math.exp(1), Math.exp(0), Math.exp(2.5)};
            double s0 = e0[0] + e0[1] + e0[2];
            double s1 = e1[0] + e1[1] + e1[2];
            float[] expected = {(float) (e0[0] / s0), (float) (e0[1] / s0), (float) (e0[2] / s0),
                    (float) (e1[0] / s1), (float) (e1[1] / s1), (float) (e1[2] / s1)};
            assertArrayEquals(expected, out.get(1).data(), 1e-6f);
            assertEquals(List.of("p", "y"), model.outputs().stream().map(OnnxModel.TensorInfo::name).toList());
        }
    }

    @Test
    void convWithExplicitPadsAndInt64ShapeConstant() {
        // 1x1x3x3 input, 2x2 kernel of ones, pads 0: sums of 2x2 windows; then Reshape to [-1, 4]
        OnnxGraph g = new OnnxGraph("conv");
        g.input("x", OnnxGraph.FLOAT, 1L, 1L, 3L, 3L);
        g.floatInitializer("w", new long[] {1, 1, 2, 2}, new float[] {1, 1, 1, 1});
        g.int64Initializer("shape", new long[] {2}, new long[] {-1, 4});
        g.node("Conv", List.of("x", "w"), List.of("c"), Attr.ints("kernel_shape", 2, 2), Attr.ints("pads", 0, 0, 0, 0));
        g.node("Reshape", List.of("c", "shape"), List.of("y"));
        g.output("y", OnnxGraph.FLOAT, null, 4L);
        try (OnnxModel model = OnnxModel.fromOnnx(g.toModel("test", "doc", 17), "conv.onnx", OnnxOptions.defaults())) {
            float[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9};
            List<FloatTensor> out = model.run(FloatTensor.of(x, 1, 1, 3, 3));
            assertArrayEquals(new long[] {1, 4}, out.get(0).shape());
            assertArrayEquals(new float[] {1 + 2 + 4 + 5, 2 + 3 + 5 + 6, 4 + 5 + 7 + 8, 5 + 6 + 8 + 9}, out.get(0).data());
        }
    }
}
