package io.face4j.onnx.tfjs;

import static io.face4j.onnx.tfjs.TinyTfjsGraph.bool;
import static io.face4j.onnx.tfjs.TinyTfjsGraph.integer;
import static io.face4j.onnx.tfjs.TinyTfjsGraph.ints;
import static io.face4j.onnx.tfjs.TinyTfjsGraph.str;
import static io.face4j.onnx.tfjs.TinyTfjsGraph.strs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.face4j.onnx.FloatTensor;
import io.face4j.onnx.OnnxModel;
import io.face4j.onnx.OnnxOptions;

/**
 * Each supported op on a tiny TFJS graph generated here, through the importer and ONNX Runtime, against the same
 * computation written out in plain Java loops (NHWC, TensorFlow's padding rules).
 */
class TfjsOpsTest {
    private static final double TOLERANCE = 1e-5;

    // ------------------------------------------------------------------------------------------ convolution

    @ParameterizedTest(name = "conv {0}x{1} k{2} stride {3} dilation {4} padding {5}")
    @CsvSource({
            "5, 6, 3, 2, 1, SAME", // H: total pad 2 (1|1), W: total pad 1 (0|1): asymmetric, the extra pixel after
            "7, 7, 3, 2, 1, SAME", "8, 8, 3, 2, 1, SAME", "6, 5, 2, 1, 1, SAME", "9, 7, 3, 1, 2, SAME",
            "5, 6, 3, 2, 1, VALID", "9, 8, 3, 1, 2, VALID", "4, 4, 1, 1, 1, VALID"})
    void fusedConvMatchesLoops(int h, int w, int k, int stride, int dilation, String padding) {
        Random r = new Random(h * 100 + w * 10 + k + stride * 1000L + dilation);
        int cin = 3;
        int cout = 4;
        float[] filter = random(r, k * k * cin * cout);
        float[] bias = random(r, cout);
        TinyTfjsGraph t = new TinyTfjsGraph();
        t.input("x", -1, h, w, cin);
        t.constant("filter", new long[] {k, k, cin, cout}, filter);
        t.constant("bias", new long[] {cout}, bias);
        t.op("conv", "_FusedConv2D", List.of("x", "filter", "bias"), ints("strides", 1, stride, stride, 1),
                ints("dilations", 1, dilation, dilation, 1), str("padding", padding), str("data_format", "NHWC"),
                strs("fused_ops", "BiasAdd", "Relu"), integer("num_args", 1), "\"explicit_paddings\":{\"list\":{}}");
        float[] x = random(r, 2 * h * w * cin);
        FloatTensor out = run(t, "conv", x, 2, h, w, cin);
        Conv ref = conv(x, 2, h, w, cin, filter, k, cout, bias, stride, dilation, padding.equals("SAME"));
        for (int i = 0; i < ref.data.length; i++) {
            ref.data[i] = Math.max(0, ref.data[i]);
        }
        assertArrayEquals(new long[] {2, ref.oh, ref.ow, cout}, out.shape());
        assertClose(ref.data, out.data());
    }

    @Test
    void plainConvWithoutBiasAndGroups() {
        Random r = new Random(5);
        float[] filter = random(r, 3 * 3 * 2 * 4); // 4 input channels in 2 groups of 2
        TinyTfjsGraph t = new TinyTfjsGraph();
        t.input("x", 1, 5, 5, 4);
        t.constant("f", new long[] {3, 3, 2, 4}, filter);
        t.op("y", "Conv2D", List.of("x", "f"), ints("strides", 1, 1, 1, 1), str("padding", "VALID"));
        float[] x = random(r, 5 * 5 * 4);
        FloatTensor out = run(t, "y", x, 1, 5, 5, 4);
        // group g reads input channels 2g..2g+1 and writes output channels 2g..2g+1
        float[] expected = new float[3 * 3 * 4];
        for (int oy = 0; oy < 3; oy++) {
            for (int ox = 0; ox < 3; ox++) {
                for (int o = 0; o < 4; o++) {
                    int g = o / 2;
                    double s = 0;
                    for (int ky = 0; ky < 3; ky++) {
                        for (int kx = 0; kx < 3; kx++) {
                            for (int ci = 0; ci < 2; ci++) {
                                s += x[((oy + ky) * 5 + ox + kx) * 4 + 2 * g + ci] * filter[((ky * 3 + kx) * 2 + ci) * 4 + o];
                            }
                        }
                    }
                    expected[(oy * 3 + ox) * 4 + o] = (float) s;
                }
            }
        }
        assertClose(expected, out.data());
    }

    // ------------------------------------------------------------------------------------------ pools

    @ParameterizedTest(name = "{0} {1}x{2} k{3} stride {4} {5}")
    @CsvSource({"MaxPool, 6, 6, 2, 2, VALID", "MaxPool, 5, 7, 2, 2, SAME", "MaxPool, 5, 5, 3, 2, SAME", "AvgPool, 5, 7, 3, 2, SAME",
            "AvgPool, 6, 6, 2, 2, VALID"})
    void poolsMatchLoops(String op, int h, int w, int k, int stride, String padding) {
        Random r = new Random(h * 7 + w);
        int c = 2;
        TinyTfjsGraph t = new TinyTfjsGraph();
        t.input("x", -1, h, w, c);
        t.op("p", op, List.of("x"), ints("ksize", 1, k, k, 1), ints("strides", 1, stride, stride, 1), str("padding", padding),
                str("data_format", "NHWC"));
        float[] x = random(r, h * w * c);
        FloatTensor out = run(t, "p", x, 1, h, w, c);
        boolean same = padding.equals("SAME");
        int oh = same ? ceilDiv(h, stride) : (h - k) / stride + 1;
        int ow = same ? ceilDiv(w, stride) : (w - k) / stride + 1;
        int padTop = same ? Math.max((oh - 1) * stride + k - h, 0) / 2 : 0;
        int padLeft = same ? Math.max((ow - 1) * stride + k - w, 0) / 2 : 0;
        float[] expected = new float[oh * ow * c];
        for (int oy = 0; oy < oh; oy++) {
            for (int ox = 0; ox < ow; ox++) {
                for (int ch = 0; ch < c; ch++) {
                    double max = Double.NEGATIVE_INFINITY;
                    double sum = 0;
                    int n = 0;
                    for (int ky = 0; ky < k; ky++) {
                        for (int kx = 0; kx < k; kx++) {
                            int iy = oy * stride + ky - padTop;
                            int ix = ox * stride + kx - padLeft;
                            if (iy >= 0 && iy < h && ix >= 0 && ix < w) { // TF: padding never counts
                                float v = x[(iy * w + ix) * c + ch];
                                max = Math.max(max, v);
                                sum += v;
                                n++;
                            }
                        }
                    }
                    expected[(oy * ow + ox) * c + ch] = (float) (op.equals("MaxPool") ? max : sum / n);
                }
            }
        }
        assertArrayEquals(new long[] {1, oh, ow, c}, out.shape());
        assertClose(expected, out.data());
    }

    // ------------------------------------------------------------------------------------------ dense head

    @ParameterizedTest(name = "conv, reshape, matmul transpose_b={0}, {1}")
    @CsvSource({"false, Sigmoid", "true, Softmax", "false, Softmax"})
    void flattenMatMulBiasReluAndHead(boolean transposeB, String head) {
        Random r = new Random(transposeB ? 1 : 2);
        // x [N,4,4,2] -> 1x1 conv to 3 channels (NCHW inside) -> per-channel Mul/Add (a folded batch norm)
        // -> Reshape [-1, 48] (needs TF's NHWC element order back) -> MatMul+BiasAdd+Relu -> MatMul -> head
        int units = 5;
        int classes = head.equals("Sigmoid") ? 1 : 3;
        float[] f = random(r, 2 * 3);
        float[] scale = random(r, 3);
        float[] offset = random(r, 3);
        float[] w1 = random(r, 48 * units);
        float[] b1 = random(r, units);
        float[] w2 = random(r, units * classes);
        float[] b2 = random(r, classes);
        TinyTfjsGraph t = new TinyTfjsGraph();
        t.input("x", -1, 4, 4, 2);
        t.constant("f", new long[] {1, 1, 2, 3}, f);
        t.constant("scale", new long[] {3}, scale);
        t.constant("offset", new long[] {3}, offset);
        t.intConstant("shape", -1, 48);
        t.constant("w1", transposeB ? new long[] {units, 48} : new long[] {48, units}, transposeB ? transpose(w1, 48, units) : w1);
        t.constant("b1", new long[] {units}, b1);
        t.constant("w2", new long[] {units, classes}, w2);
        t.constant("b2", new long[] {classes}, b2);
        t.op("conv", "Conv2D", List.of("x", "f"), ints("strides", 1, 1, 1, 1), str("padding", "VALID"));
        t.op("mul", "Mul", List.of("conv", "scale"));
        t.op("bn", "AddV2", List.of("mul", "offset"));
        t.op("flat", "Reshape", List.of("bn", "shape"), "\"Tshape\":{\"type\":\"DT_INT32\"}");
        t.op("dense1", "_FusedMatMul", List.of("flat", "w1", "b1"), strs("fused_ops", "BiasAdd", "Relu"), integer("num_args", 1),
                bool("transpose_a", false), bool("transpose_b", transposeB));
        t.op("dense2", "_FusedMatMul", List.of("dense1", "w2", "b2"), strs("fused_ops", "BiasAdd"), integer("num_args", 1));
        t.op("head", head, List.of("dense2"));
        t.op("Identity", "Identity", List.of("head"));
        int n = 3;
        float[] x = random(r, n * 4 * 4 * 2);
        FloatTensor out = run(t, "Identity", x, n, 4, 4, 2);
        float[] expected = new float[n * classes];
        for (int b = 0; b < n; b++) {
            float[] flat = new float[48];
            for (int p = 0; p < 16; p++) {
                for (int o = 0; o < 3; o++) {
                    float v = x[(b * 16 + p) * 2] * f[o] + x[(b * 16 + p) * 2 + 1] * f[3 + o];
                    flat[p * 3 + o] = v * scale[o] + offset[o];
                }
            }
            float[] hidden = new float[units];
            for (int u = 0; u < units; u++) {
                double s = b1[u];
                for (int i = 0; i < 48; i++) {
                    s += flat[i] * w1[i * units + u];
                }
                hidden[u] = (float) Math.max(0, s);
            }
            double[] logits = new double[classes];
            for (int c = 0; c < classes; c++) {
                double s = b2[c];
                for (int u = 0; u < units; u++) {
                    s += hidden[u] * w2[u * classes + c];
                }
                logits[c] = s;
            }
            if (head.equals("Sigmoid")) {
                expected[b] = (float) (1 / (1 + Math.exp(-logits[0])));
            } else {
                double max = java.util.Arrays.stream(logits).max().orElseThrow();
                double sum = 0;
                for (double l : logits) {
                    sum += Math.exp(l - max);
                }
                for (int c = 0; c < classes; c++) {
                    expected[b * classes + c] = (float) (Math.exp(logits[c] - max) / sum);
                }
            }
        }
        assertArrayEquals(new long[] {n, classes}, out.shape());
        assertClose(expected, out.data());
    }

    @Test
    void activationsAndElementwiseOps() {
        Random r = new Random(9);
        float[] c = random(r, 3);
        TinyTfjsGraph t = new TinyTfjsGraph();
        t.input("x", -1, 2, 2, 3);
        t.constant("c", new long[] {3}, c);
        t.op("relu6", "Relu6", List.of("x"));
        t.op("sub", "Sub", List.of("relu6", "c"));
        t.op("div", "RealDiv", List.of("sub", "c"));
        t.op("max", "Maximum", List.of("div", "x"));
        t.op("tanh", "Tanh", List.of("max"));
        t.op("bias", "BiasAdd", List.of("tanh", "c"), str("data_format", "NHWC"));
        t.op("min", "Minimum", List.of("bias", "x"));
        float[] x = random(r, 12);
        for (int i = 0; i < x.length; i++) {
            x[i] *= 8; // reach both clip bounds of Relu6
        }
        FloatTensor out = run(t, "min", x, 1, 2, 2, 3);
        float[] expected = new float[12];
        for (int i = 0; i < 12; i++) {
            float ci = c[i % 3];
            float v = Math.min(Math.max(x[i], 0), 6);
            v = Math.max((v - ci) / ci, x[i]);
            v = (float) Math.tanh(v) + ci;
            expected[i] = Math.min(v, x[i]);
        }
        assertClose(expected, out.data());
    }

    @ParameterizedTest(name = "{0} weights")
    @CsvSource({"float16, 0.002", "uint8, 0.01", "uint16, 0.0001"})
    void quantizedWeightsAreDequantised(String quantization, double tolerance) {
        Random r = new Random(3);
        float[] w = random(r, 6 * 4);
        TinyTfjsGraph t = new TinyTfjsGraph();
        t.input("x", -1, 6);
        t.constant("w", new long[] {6, 4}, w, "float32", quantization);
        t.op("y", "MatMul", List.of("x", "w"), bool("transpose_a", false), bool("transpose_b", false));
        float[] x = random(r, 6);
        FloatTensor out = run(t, "y", x, 1, 6);
        for (int j = 0; j < 4; j++) {
            double s = 0;
            for (int i = 0; i < 6; i++) {
                s += x[i] * w[i * 4 + j];
            }
            assertEquals(s, out.data()[j], tolerance * 6, quantization + " output " + j);
        }
    }

    @Test
    void halfPrecisionDecodingIsExact() {
        assertEquals(1f, TfjsModel.halfToFloat((short) 0x3c00));
        assertEquals(-2f, TfjsModel.halfToFloat((short) 0xc000));
        assertEquals(65504f, TfjsModel.halfToFloat((short) 0x7bff)); // largest normal
        assertEquals(0x1p-24f, TfjsModel.halfToFloat((short) 0x0001)); // smallest subnormal
        assertEquals(0x1p-14f, TfjsModel.halfToFloat((short) 0x0400)); // smallest normal
        assertEquals(Float.NEGATIVE_INFINITY, TfjsModel.halfToFloat((short) 0xfc00));
        assertEquals(Float.floatToIntBits(-0f), Float.floatToIntBits(TfjsModel.halfToFloat((short) 0x8000)));
        for (int h = 0; h < 0x7c00; h += 7) { // every finite positive half round-trips through the test encoder
            float f = TfjsModel.halfToFloat((short) h);
            if (f >= 0x1p-14f) {
                assertEquals(h, TinyTfjsGraph.toHalf(f) & 0xffff, "half 0x" + Integer.toHexString(h));
            }
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static FloatTensor run(TinyTfjsGraph t, String output, float[] x, long... shape) {
        byte[] onnx = TfjsImporter.convert(t.json(output), t.shards(), "tiny.json");
        try (OnnxModel model = OnnxModel.fromOnnx(onnx, "tiny.json", OnnxOptions.defaults().withIntraOpThreads(1))) {
            assertEquals(-1, model.inputs().get(0).shape()[0], "symbolic batch");
            assertEquals(output, model.outputs().get(0).name());
            return model.run(FloatTensor.of(x, shape)).get(0);
        }
    }

    private record Conv(float[] data, int oh, int ow) {
    }

    /** TF Conv2D in NHWC with HWIO filter; SAME: out = ceil(in/s), pad total split with the smaller half first. */
    private static Conv conv(float[] x, int n, int h, int w, int cin, float[] f, int k, int cout, float[] bias, int s, int d,
            boolean same) {
        int ek = (k - 1) * d + 1;
        int oh = same ? ceilDiv(h, s) : (h - ek) / s + 1;
        int ow = same ? ceilDiv(w, s) : (w - ek) / s + 1;
        int padTop = same ? Math.max((oh - 1) * s + ek - h, 0) / 2 : 0;
        int padLeft = same ? Math.max((ow - 1) * s + ek - w, 0) / 2 : 0;
        float[] out = new float[n * oh * ow * cout];
        for (int b = 0; b < n; b++) {
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    for (int o = 0; o < cout; o++) {
                        double sum = bias[o];
                        for (int ky = 0; ky < k; ky++) {
                            for (int kx = 0; kx < k; kx++) {
                                int iy = oy * s + ky * d - padTop;
                                int ix = ox * s + kx * d - padLeft;
                                if (iy < 0 || iy >= h || ix < 0 || ix >= w) {
                                    continue;
                                }
                                for (int c = 0; c < cin; c++) {
                                    sum += x[((b * h + iy) * w + ix) * cin + c] * f[((ky * k + kx) * cin + c) * cout + o];
                                }
                            }
                        }
                        out[((b * oh + oy) * ow + ox) * cout + o] = (float) sum;
                    }
                }
            }
        }
        return new Conv(out, oh, ow);
    }

    private static float[] transpose(float[] m, int rows, int cols) {
        float[] t = new float[m.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j * rows + i] = m[i * cols + j];
            }
        }
        return t;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    private static float[] random(Random r, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextFloat() * 2 - 1;
        }
        return v;
    }

    private static void assertClose(float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length, "length");
        double max = 0;
        for (int i = 0; i < expected.length; i++) {
            max = Math.max(max, Math.abs(expected[i] - actual[i]));
        }
        assertEquals(0, max, TOLERANCE, "max |onnx - java|");
    }
}
