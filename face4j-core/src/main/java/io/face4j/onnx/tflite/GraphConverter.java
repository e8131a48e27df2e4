package io.face4j.onnx.tflite;

import static io.face4j.onnx.proto.OnnxGraph.Attr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.face4j.onnx.ModelException;
import io.face4j.onnx.proto.OnnxGraph;
import io.face4j.onnx.tflite.TfliteModel.Operator;
import io.face4j.onnx.tflite.TfliteModel.Tensor;

/**
 * One conversion of a {@link TfliteModel} into an ONNX graph. Each TFLite tensor may exist in the ONNX graph in its
 * NHWC form, its NCHW form (4-D activations produced by convolutions and pools), or both: the other form is made on
 * demand with one Transpose, so layout-sensitive ops (reshape, slice, fully connected on 2-D) see TFLite's exact
 * element order. Not thread-safe; used once.
 */
final class GraphConverter {
    // Builtin codes from schema.fbs (see BuiltinNames).
    static final int ADD = 0, AVERAGE_POOL_2D = 1, CONCATENATION = 2, CONV_2D = 3, DEPTHWISE_CONV_2D = 4, DEQUANTIZE = 6,
            FULLY_CONNECTED = 9, LOGISTIC = 14, MAX_POOL_2D = 17, MUL = 18, RELU = 19, RELU6 = 21, RESHAPE = 22,
            SOFTMAX = 25, TANH = 28, MEAN = 40, SUB = 41, DIV = 42, STRIDED_SLICE = 45, EXP = 47, CAST = 53, PRELU = 54,
            MAXIMUM = 55, MINIMUM = 57, LESS = 58, NEG = 59, GREATER = 61, GREATER_EQUAL = 62, LESS_EQUAL = 63,
            EQUAL = 71, SUM = 74, REDUCE_MAX = 82, REDUCE_MIN = 89, LEAKY_RELU = 98, ABS = 101;

    /** ONNX opset: 17 keeps ReduceMax/Min/Mean axes as attributes (they become inputs in 18). */
    static final int OPSET = 17;

    /** Ops that work at any height and width: a graph made only of them gets symbolic spatial dimensions. */
    private static final Set<Integer> SIZE_FREE_OPS = Set.of(CONV_2D, DEPTHWISE_CONV_2D, MAX_POOL_2D, AVERAGE_POOL_2D, ADD,
            SUB, MUL, DIV, RELU, RELU6, NEG, ABS, EXP, LEAKY_RELU, LOGISTIC, TANH, PRELU, DEQUANTIZE, CAST, SUM,
            REDUCE_MAX, REDUCE_MIN, MAXIMUM, MINIMUM, SOFTMAX);

    /** NHWC axis -> NCHW axis. */
    private static final int[] NHWC_TO_NCHW_AXIS = {0, 2, 3, 1};

    private final TfliteModel m;
    private final TfliteImporter.PreluForm preluForm;
    private final OnnxGraph g;
    private final int[] producer;
    private final int[] consumers;
    private final boolean[] graphOutput;
    private final String[] nhwc;
    private final String[] nchw;
    private final Map<String, String> constants = new HashMap<>();
    private final boolean[] absorbed;
    private final Map<Integer, Fusion> fusions = new HashMap<>();
    private boolean spatialSymbolic;

    /** A pattern recognised in the TFLite graph and emitted as one ONNX op at the position of its last operator. */
    private record Fusion(String opType, int x, int param, float scale, int axis) {
    }

    GraphConverter(TfliteModel model, TfliteImporter.PreluForm preluForm) {
        this.m = model;
        this.preluForm = preluForm;
        this.g = new OnnxGraph(model.source);
        int n = model.tensors.size();
        producer = new int[n];
        consumers = new int[n];
        graphOutput = new boolean[n];
        nhwc = new String[n];
        nchw = new String[n];
        absorbed = new boolean[model.operators.size()];
        Arrays.fill(producer, -1);
        for (Operator op : model.operators) {
            for (int t : op.outputs()) {
                producer[t] = op.index();
            }
            for (int t : op.inputs()) {
                if (t >= 0) {
                    consumers[t]++;
                }
            }
        }
        for (int t : model.outputs) {
            graphOutput[t] = true;
        }
    }

    byte[] convert() {
        spatialSymbolic = isFullyConvolutional();
        findFusions();
        for (int t : m.inputs) {
            Tensor in = m.tensor(t);
            g.input(in.name(), onnxType(in), dims(in, true));
            nhwc[t] = in.name();
        }
        for (Operator op : m.operators) {
            if (absorbed[op.index()]) {
                continue;
            }
            try {
                convert(op);
            } catch (ModelException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new ModelException(m.source + ": cannot convert " + op.describe() + ": " + e, e);
            }
        }
        for (int t : m.outputs) {
            Tensor out = m.tensor(t);
            String value = nhwcValue(t);
            if (!value.equals(out.name())) {
                g.node("Identity", List.of(value), List.of(out.name()));
            }
            g.output(out.name(), onnxType(out), dims(out, false));
        }
        return g.toModel("face4j TfliteImporter", "converted from " + m.source, OPSET);
    }

    // ---------------------------------------------------------------------------------------------- graph analysis

    private boolean isFullyConvolutional() {
        for (int t : m.inputs) {
            if (m.tensor(t).shape().length != 4) {
                return false;
            }
        }
        for (Operator op : m.operators) {
            if (!SIZE_FREE_OPS.contains(op.builtin())) {
                return false;
            }
            int b = op.builtin();
            if (b == SUM || b == REDUCE_MAX || b == REDUCE_MIN) {
                for (long axis : constInts(op.inputs()[1])) {
                    int rank = m.tensor(op.inputs()[0]).shape().length;
                    long a = axis < 0 ? axis + rank : axis;
                    if (a != rank - 1) {
                        return false;
                    }
                }
            }
            if (b == SOFTMAX && m.tensor(op.inputs()[0]).shape().length != 4) {
                return false;
            }
            // element-wise constants must broadcast per channel, not per pixel
            if (b != CONV_2D && b != DEPTHWISE_CONV_2D) {
                for (int t : op.inputs()) {
                    if (t >= 0 && isConst(t)) {
                        int[] s = m.tensor(t).shape();
                        for (int i = 0; i < s.length - 1; i++) {
                            if (s[i] != 1 && b != SUM && b != REDUCE_MAX && b != REDUCE_MIN) {
                                return false;
                            }
                        }
                    }
                }
            }
        }
        return true;
    }

    private Operator producerOp(int t, int builtin) {
        if (t < 0 || producer[t] < 0) {
            return null;
        }
        Operator op = m.operators.get(producer[t]);
        return op.builtin() == builtin ? op : null;
    }

    /** An intermediate that the fused op may swallow: one consumer (or {@code uses}), not a graph output. */
    private boolean internal(int t, int uses) {
        return t >= 0 && consumers[t] == uses && !graphOutput[t];
    }

    private void findFusions() {
        for (Operator op : m.operators) {
            if (op.builtin() == ADD && fused(op, 0) == 0 && op.inputs().length == 2) {
                if (!tryPrelu(op, op.inputs()[0], op.inputs()[1])) {
                    tryPrelu(op, op.inputs()[1], op.inputs()[0]);
                }
            } else if (op.builtin() == DIV && fused(op, 0) == 0) {
                trySoftmax(op);
            }
        }
    }

    /** relu(x) + a * neg(relu(neg(x))), or relu(x) + a * (x - abs(x)): both are PRelu(x, slope a or 2a). */
    private boolean tryPrelu(Operator add, int reluOut, int mulOut) {
        Operator relu = producerOp(reluOut, RELU);
        Operator mul = producerOp(mulOut, MUL);
        if (relu == null || mul == null || !internal(reluOut, 1) || !internal(mulOut, 1) || fused(mul, 0) != 0) {
            return false;
        }
        int x = relu.inputs()[0];
        for (int k = 0; k < 2; k++) {
            int alpha = mul.inputs()[k];
            int other = mul.inputs()[1 - k];
            if (!isConst(alpha) || isConst(other) || !internal(other, 1) || !perChannel(alpha, x)) {
                continue;
            }
            Operator neg2 = producerOp(other, NEG);
            if (neg2 != null) {
                Operator relu2 = producerOp(neg2.inputs()[0], RELU);
                Operator neg1 = relu2 == null ? null : producerOp(relu2.inputs()[0], NEG);
                if (neg1 != null && internal(neg2.inputs()[0], 1) && internal(relu2.inputs()[0], 1) && neg1.inputs()[0] == x) {
                    absorb(relu, mul, neg2, relu2, neg1);
                    fusions.put(add.index(), new Fusion("PRelu", x, alpha, 1f, 0));
                    return true;
                }
            }
            Operator sub = producerOp(other, SUB);
            if (sub != null && fused(sub, 0) == 0 && sub.inputs()[0] == x) {
                Operator abs = producerOp(sub.inputs()[1], ABS);
                if (abs != null && abs.inputs()[0] == x && internal(sub.inputs()[1], 1)) {
                    absorb(relu, mul, sub, abs);
                    // x - |x| = 2 min(x, 0) exactly in floating point, so the slope is 2a (also exact).
                    fusions.put(add.index(), new Fusion("PRelu", x, alpha, 2f, 0));
                    return true;
                }
            }
        }
        return false;
    }

    /** exp(x - reduce_max(x, axis)) / sum(that, axis) is Softmax(x, axis). */
    private void trySoftmax(Operator div) {
        int e = div.inputs()[0];
        int s = div.inputs()[1];
        Operator exp = producerOp(e, EXP);
        Operator sum = producerOp(s, SUM);
        if (exp == null || sum == null || sum.inputs()[0] != e || !internal(e, 2) || !internal(s, 1)) {
            return;
        }
        Operator sub = producerOp(exp.inputs()[0], SUB);
        if (sub == null || fused(sub, 0) != 0 || !internal(exp.inputs()[0], 1)) {
            return;
        }
        int x = sub.inputs()[0];
        Operator max = producerOp(sub.inputs()[1], REDUCE_MAX);
        if (max == null || max.inputs()[0] != x || !internal(sub.inputs()[1], 1)) {
            return;
        }
        long[] maxAxes = constInts(max.inputs()[1]);
        long[] sumAxes = constInts(sum.inputs()[1]);
        int rank = m.tensor(x).shape().length;
        if (maxAxes.length != 1 || sumAxes.length != 1 || !keepDims(max) || !keepDims(sum)
                || Math.floorMod(maxAxes[0], rank) != Math.floorMod(sumAxes[0], rank)) {
            return;
        }
        absorb(exp, sum, sub, max);
        fusions.put(div.index(), new Fusion("Softmax", x, -1, 1f, (int) Math.floorMod(maxAxes[0], rank)));
    }

    private void absorb(Operator... ops) {
        for (Operator op : ops) {
            absorbed[op.index()] = true;
        }
    }

    /** True when constant {@code c} broadcasts along the last axis of {@code x} only (one value per channel). */
    private boolean perChannel(int c, int x) {
        int[] s = m.tensor(c).shape();
        int[] xs = m.tensor(x).shape();
        if (s.length > xs.length) {
            return false;
        }
        for (int i = 0; i < s.length - 1; i++) {
            if (s[i] != 1) {
                return false;
            }
        }
        return s.length == 0 || s[s.length - 1] == 1 || s[s.length - 1] == xs[xs.length - 1];
    }

    // ---------------------------------------------------------------------------------------------- constants

    private boolean isConst(int t) {
        if (m.tensor(t).isConstant()) {
            return true;
        }
        Operator dq = producerOp(t, DEQUANTIZE);
        return dq != null && m.tensor(dq.inputs()[0]).isConstant();
    }

    /** Float values of a constant; fp16 weights behind a DEQUANTIZE are widened here (exact: every half is a float). */
    private float[] constFloats(int t) {
        Tensor tensor = m.tensor(t);
        if (!tensor.isConstant()) {
            Operator dq = producerOp(t, DEQUANTIZE);
            if (dq == null) {
                throw new ModelException(m.source + ": " + tensor.describe() + " must be a constant");
            }
            tensor = m.tensor(dq.inputs()[0]);
        }
        if (tensor.type() != TfliteModel.FLOAT32 && tensor.type() != TfliteModel.FLOAT16) {
            throw new ModelException(m.source + ": constant " + tensor.describe() + " has TFLite type " + tensor.type()
                    + " (quantized weights are not supported; only float32 and float16)");
        }
        float[] values = TfliteModel.floats(tensor);
        long expected = count(tensor.shape());
        if (values.length != expected) {
            throw new ModelException(m.source + ": constant " + tensor.describe() + " holds " + values.length + " values, its shape needs " + expected);
        }
        return values;
    }

    private long[] constInts(int t) {
        Tensor tensor = m.tensor(t);
        if (!tensor.isConstant()) {
            throw new ModelException(m.source + ": " + tensor.describe() + " must be a constant integer tensor");
        }
        return TfliteModel.ints(tensor);
    }

    private String int64Const(String hint, long... values) {
        String key = "i64:" + Arrays.toString(values);
        return constants.computeIfAbsent(key, k -> {
            String name = "const/" + hint + "_" + constants.size();
            g.int64Initializer(name, new long[] {values.length}, values);
            return name;
        });
    }

    private String floatConst(String name, long[] dims, float[] values) {
        g.floatInitializer(name, dims, values);
        return name;
    }

    /**
     * A constant operand of an element-wise op on a tensor of rank {@code rank} in NCHW (when {@code nchwLayout}) or as
     * stored. For NCHW, the NHWC-broadcast shape is padded to rank 4 and its data permuted to match.
     */
    private String constOperand(int t, boolean nchwLayout, float scale) {
        String key = "c" + t + (nchwLayout ? "/nchw" : "") + "*" + scale;
        String cached = constants.get(key);
        if (cached != null) {
            return cached;
        }
        Tensor tensor = m.tensor(t);
        String name = "const/" + tensor.name() + "@" + t + (nchwLayout ? "/nchw" : "") + (scale != 1f ? "*" + scale : "");
        int type = constType(t);
        if (type != TfliteModel.FLOAT32 && type != TfliteModel.FLOAT16) {
            if (type != TfliteModel.INT32 && type != TfliteModel.INT64 && type != TfliteModel.BOOL) {
                throw new ModelException(m.source + ": constant " + tensor.describe() + " has unsupported TFLite type " + type);
            }
            // raw bytes as stored: TFLite and ONNX are both little-endian, INT32/INT64/BOOL have the same widths
            long[] dims = toLong(tensor.shape());
            if (nchwLayout && count(tensor.shape()) != 1) {
                throw new ModelException(m.source + ": integer constant " + tensor.describe() + " on a 4-D activation");
            }
            if (nchwLayout) {
                dims = new long[0];
            }
            g.initializer(name, onnxType(type), dims, tensor.data());
            constants.put(key, name);
            return name;
        }
        float[] values = constFloats(t);
        if (scale != 1f) {
            values = values.clone();
            for (int i = 0; i < values.length; i++) {
                values[i] *= scale;
            }
        }
        int[] s = tensor.shape();
        if (!nchwLayout) {
            floatConst(name, toLong(s), values);
        } else {
            if (s.length > 4) {
                throw new ModelException(m.source + ": constant " + tensor.describe() + " has rank > 4");
            }
            int[] p = new int[4];
            Arrays.fill(p, 1);
            System.arraycopy(s, 0, p, 4 - s.length, s.length);
            floatConst(name, new long[] {p[0], p[3], p[1], p[2]}, nhwcToNchw(values, p[0], p[1], p[2], p[3]));
        }
        constants.put(key, name);
        return name;
    }

    private int constType(int t) {
        Tensor tensor = m.tensor(t);
        if (!tensor.isConstant()) {
            return TfliteModel.FLOAT32; // dequantized
        }
        return tensor.type();
    }

    private static float[] nhwcToNchw(float[] v, int n, int h, int w, int c) {
        float[] out = new float[v.length];
        for (int b = 0; b < n; b++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    for (int ch = 0; ch < c; ch++) {
                        out[((b * c + ch) * h + y) * w + x] = v[((b * h + y) * w + x) * c + ch];
                    }
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------- values

    private String name(int t, boolean nchwLayout) {
        Tensor tensor = m.tensor(t);
        if (!nchwLayout && graphOutput[t]) {
            return tensor.name();
        }
        return tensor.name() + "@" + t + (nchwLayout ? "/nchw" : "");
    }

    private boolean producedNchw(int t) {
        return nchw[t] != null && nhwc[t] == null;
    }

    private boolean availableNchw(int t) {
        return nchw[t] != null;
    }

    private String nhwcValue(int t) {
        if (nhwc[t] != null) {
            return nhwc[t];
        }
        if (isConst(t)) {
            nhwc[t] = constOperand(t, false, 1f);
            return nhwc[t];
        }
        if (nchw[t] == null) {
            throw new ModelException(m.source + ": " + m.tensor(t).describe() + " is used before it is computed");
        }
        String out = name(t, false);
        g.node("Transpose", List.of(nchw[t]), List.of(out), Attr.ints("perm", 0, 2, 3, 1));
        nhwc[t] = out;
        return out;
    }

    private String nchwValue(int t) {
        if (nchw[t] != null) {
            return nchw[t];
        }
        if (isConst(t)) {
            return constOperand(t, true, 1f);
        }
        if (m.tensor(t).shape().length != 4) {
            throw new ModelException(m.source + ": " + m.tensor(t).describe() + " is not 4-D");
        }
        String in = nhwcValue(t);
        String out = name(t, true);
        g.node("Transpose", List.of(in), List.of(out), Attr.ints("perm", 0, 3, 1, 2));
        nchw[t] = out;
        return out;
    }

    /** Declares where op output {@code t} will be and returns its value name. */
    private String define(int t, boolean nchwLayout) {
        String name = name(t, nchwLayout);
        if (nchwLayout) {
            nchw[t] = name;
        } else {
            nhwc[t] = name;
        }
        return name;
    }

    // ---------------------------------------------------------------------------------------------- operators

    private void convert(Operator op) {
        Fusion fusion = fusions.get(op.index());
        if (fusion != null) {
            emitFusion(op, fusion);
            return;
        }
        int[] in = op.inputs();
        switch (op.builtin()) {
            case CONV_2D -> conv(op, false);
            case DEPTHWISE_CONV_2D -> conv(op, true);
            case MAX_POOL_2D -> pool(op, "MaxPool");
            case AVERAGE_POOL_2D -> pool(op, "AveragePool");
            case FULLY_CONNECTED -> fullyConnected(op);
            case ADD -> binary(op, "Add", fused(op, 0));
            case SUB -> binary(op, "Sub", fused(op, 0));
            case MUL -> binary(op, "Mul", fused(op, 0));
            case DIV -> binary(op, "Div", fused(op, 0));
            case MAXIMUM -> binary(op, "Max", 0);
            case MINIMUM -> binary(op, "Min", 0);
            case LESS -> binary(op, "Less", 0);
            case LESS_EQUAL -> binary(op, "LessOrEqual", 0);
            case GREATER -> binary(op, "Greater", 0);
            case GREATER_EQUAL -> binary(op, "GreaterOrEqual", 0);
            case EQUAL -> binary(op, "Equal", 0);
            case RELU -> unary(op, "Relu");
            case NEG -> unary(op, "Neg");
            case ABS -> unary(op, "Abs");
            case EXP -> unary(op, "Exp");
            case LOGISTIC -> unary(op, "Sigmoid");
            case TANH -> unary(op, "Tanh");
            case RELU6 -> activation(op, 3);
            case LEAKY_RELU -> unary(op, "LeakyRelu", Attr.f("alpha", opts(op).getFloat(0, 0f)));
            case CAST -> unary(op, "Cast", Attr.i("to", onnxType(m.tensor(op.outputs()[0]))));
            case PRELU -> prelu(op, in[0], in[1], 1f);
            case DEQUANTIZE -> dequantize(op);
            case REDUCE_MAX -> reduce(op, "ReduceMax");
            case REDUCE_MIN -> reduce(op, "ReduceMin");
            case MEAN -> reduce(op, "ReduceMean");
            case SUM -> reduce(op, "ReduceSum");
            case SOFTMAX -> softmax(op, in[0], Math.floorMod(-1, m.tensor(in[0]).shape().length), opts(op).getFloat(0, 1f));
            case RESHAPE -> reshape(op);
            case STRIDED_SLICE -> stridedSlice(op);
            case CONCATENATION -> concatenation(op);
            default -> throw unsupported(op, "no ONNX mapping for this operator");
        }
    }

    private ModelException unsupported(Operator op, String why) {
        String custom = op.customCode() != null ? " custom code '" + op.customCode() + "'," : "";
        return new ModelException(m.source + ": unsupported " + op.describe() + "," + custom + " output "
                + m.tensor(op.outputs()[0]).describe() + ": " + why);
    }

    private FlatTable opts(Operator op) {
        return op.options();
    }

    /** The fused_activation_function field of an options table (0 = NONE when absent). */
    private int fused(Operator op, int field) {
        return op.options() == null ? 0 : op.options().getByte(field, 0);
    }

    private static boolean keepDims(Operator op) {
        return op.options() != null && op.options().getBool(0, false);
    }

    /**
     * Emits {@code onnxOp} writing into a temporary when a fused activation follows, then the activation.
     * Returns the name the op itself must write.
     */
    private String withActivation(Operator op, int act, String out) {
        if (act == 0) {
            return out;
        }
        if (act < 1 || act > 4) {
            throw unsupported(op, "fused activation function " + act);
        }
        String pre = out + "/pre_act";
        pendingActivation = new String[] {pre, out, Integer.toString(act)};
        return pre;
    }

    private String[] pendingActivation;

    private void finishActivation(Operator op) {
        if (pendingActivation == null) {
            return;
        }
        String pre = pendingActivation[0];
        String out = pendingActivation[1];
        int act = Integer.parseInt(pendingActivation[2]);
        pendingActivation = null;
        emitActivation(op, act, pre, out);
    }

    // ActivationFunctionType from schema.fbs: 1 RELU, 2 RELU_N1_TO_1, 3 RELU6, 4 TANH, 5 SIGN_BIT
    private void emitActivation(Operator op, int act, String in, String out) {
        switch (act) {
            case 1 -> g.node("Relu", List.of(in), List.of(out));
            case 2 -> g.node("Clip", List.of(in, scalar(-1f), scalar(1f)), List.of(out));
            case 3 -> g.node("Clip", List.of(in, scalar(0f), scalar(6f)), List.of(out));
            case 4 -> g.node("Tanh", List.of(in), List.of(out));
            default -> throw unsupported(op, "fused activation function " + act);
        }
    }

    private String scalar(float v) {
        String key = "f32:" + v;
        return constants.computeIfAbsent(key, k -> floatConst("const/scalar_" + constants.size(), new long[0], new float[] {v}));
    }

    private void activation(Operator op, int act) {
        int x = op.inputs()[0];
        boolean layout = producedNchw(x);
        String in = layout ? nchwValue(x) : nhwcValue(x);
        emitActivation(op, act, in, define(op.outputs()[0], layout));
    }

    private void conv(Operator op, boolean depthwise) {
        int[] in = op.inputs();
        FlatTable o = opts(op);
        if (o == null) {
            throw unsupported(op, "missing options");
        }
        int x = in[0];
        int[] xs = m.tensor(x).shape();
        int[] fs = m.tensor(in[1]).shape();
        if (xs.length != 4 || fs.length != 4) {
            throw unsupported(op, "expects 4-D input and filter, got " + Arrays.toString(xs) + " and " + Arrays.toString(fs));
        }
        // Conv2DOptions: 0 padding, 1 stride_w, 2 stride_h, 3 fused_activation, 4 dilation_w, 5 dilation_h
        // DepthwiseConv2DOptions: 0 padding, 1 stride_w, 2 stride_h, 3 depth_multiplier, 4 fused_activation, 5/6 dilation
        int padding = o.getByte(0, 0);
        int strideW = o.getInt(1, 1);
        int strideH = o.getInt(2, 1);
        int act = o.getByte(depthwise ? 4 : 3, 0);
        int dilW = o.getInt(depthwise ? 5 : 4, 1);
        int dilH = o.getInt(depthwise ? 6 : 5, 1);
        int kh = fs[1];
        int kw = fs[2];
        float[] f = constFloats(in[1]);
        long[] wDims;
        float[] w;
        int group;
        if (depthwise) {
            // filter [1, KH, KW, C*M] -> ONNX grouped conv weights [C*M, 1, KH, KW]; output channel c*M+m in both
            int cm = fs[3];
            w = new float[f.length];
            for (int y = 0; y < kh; y++) {
                for (int xx = 0; xx < kw; xx++) {
                    for (int c = 0; c < cm; c++) {
                        w[(c * kh + y) * kw + xx] = f[(y * kw + xx) * cm + c];
                    }
                }
            }
            wDims = new long[] {cm, 1, kh, kw};
            group = xs[3];
        } else {
            // filter [O, KH, KW, I] -> [O, I, KH, KW]
            int oc = fs[0];
            int ic = fs[3];
            w = new float[f.length];
            for (int a = 0; a < oc; a++) {
                for (int y = 0; y < kh; y++) {
                    for (int xx = 0; xx < kw; xx++) {
                        for (int c = 0; c < ic; c++) {
                            w[((a * ic + c) * kh + y) * kw + xx] = f[((a * kh + y) * kw + xx) * ic + c];
                        }
                    }
                }
            }
            wDims = new long[] {oc, ic, kh, kw};
            group = xs[3] / ic;
        }
        List<String> inputs = new ArrayList<>();
        inputs.add(nchwValue(x));
        inputs.add(floatConst("const/" + m.tensor(in[1]).name() + "@" + in[1] + "/oihw", wDims, w));
        if (in.length > 2 && in[2] >= 0) {
            inputs.add(constOperand(in[2], false, 1f));
        }
        List<Attr> attrs = new ArrayList<>(List.of(Attr.ints("kernel_shape", kh, kw), Attr.ints("strides", strideH, strideW),
                Attr.ints("dilations", dilH, dilW), Attr.i("group", group)));
        attrs.add(padAttr(op, padding, xs, kh, kw, strideH, strideW, dilH, dilW));
        String out = withActivation(op, act, define(op.outputs()[0], true));
        g.node("Conv", inputs, List.of(out), attrs.toArray(Attr[]::new));
        finishActivation(op);
    }

    /**
     * TFLite SAME padding: output = ceil(in / stride), total = max((out - 1) * stride + (k - 1) * dilation + 1 - in, 0),
     * the smaller half before (ONNX SAME_UPPER). Explicit pads when they do not depend on the input size.
     */
    private Attr padAttr(Operator op, int padding, int[] xs, int kh, int kw, int sh, int sw, int dh, int dw) {
        if (padding == 1) { // VALID
            return Attr.ints("pads", 0, 0, 0, 0);
        }
        if (padding != 0) {
            throw unsupported(op, "padding " + padding);
        }
        if (spatialSymbolic && (sh != 1 || sw != 1)) {
            return Attr.s("auto_pad", "SAME_UPPER");
        }
        int th = samePad(xs[1], kh, sh, dh);
        int tw = samePad(xs[2], kw, sw, dw);
        return Attr.ints("pads", th / 2, tw / 2, th - th / 2, tw - tw / 2);
    }

    private static int samePad(int in, int k, int stride, int dilation) {
        int out = (in + stride - 1) / stride;
        return Math.max((out - 1) * stride + (k - 1) * dilation + 1 - in, 0);
    }

    private void pool(Operator op, String onnxOp) {
        FlatTable o = opts(op);
        if (o == null) {
            throw unsupported(op, "missing options");
        }
        int x = op.inputs()[0];
        int[] xs = m.tensor(x).shape();
        // Pool2DOptions: 0 padding, 1 stride_w, 2 stride_h, 3 filter_width, 4 filter_height, 5 fused_activation
        int sw = o.getInt(1, 1);
        int sh = o.getInt(2, 1);
        int fw = o.getInt(3, 1);
        int fh = o.getInt(4, 1);
        Attr pads = padAttr(op, o.getByte(0, 0), xs, fh, fw, sh, sw, 1, 1);
        String out = withActivation(op, o.getByte(5, 0), define(op.outputs()[0], true));
        // AveragePool's default count_include_pad=0 matches TFLite, which averages only the cells inside the image.
        g.node(onnxOp, List.of(nchwValue(x)), List.of(out), Attr.ints("kernel_shape", fh, fw), Attr.ints("strides", sh, sw), pads);
        finishActivation(op);
    }

    private void fullyConnected(Operator op) {
        int[] in = op.inputs();
        int x = in[0];
        int[] xs = m.tensor(x).shape();
        int[] ws = m.tensor(in[1]).shape();
        // FullyConnectedOptions: 0 fused_activation, 1 weights_format, 2 keep_num_dims
        FlatTable o = opts(op);
        if (o != null && o.getByte(1, 0) != 0) {
            throw unsupported(op, "shuffled weights format");
        }
        if (o != null && o.getBool(2, false) && xs.length != 2) {
            throw unsupported(op, "keep_num_dims on a rank-" + xs.length + " input");
        }
        if (ws.length != 2) {
            throw unsupported(op, "weights of shape " + Arrays.toString(ws));
        }
        int outC = ws[0];
        int inC = ws[1];
        float[] w = constFloats(in[1]);
        String flat;
        String wName = "const/" + m.tensor(in[1]).name() + "@" + in[1];
        if (xs.length == 4 && producedNchw(x) && xs[1] * xs[2] * xs[3] == inC) {
            // TFLite flattens NHWC; permute the weight columns to the NCHW order instead of transposing the activations.
            int h = xs[1];
            int wd = xs[2];
            int c = xs[3];
            float[] p = new float[w.length];
            for (int r = 0; r < outC; r++) {
                for (int y = 0; y < h; y++) {
                    for (int xx = 0; xx < wd; xx++) {
                        for (int ch = 0; ch < c; ch++) {
                            p[r * inC + (ch * h + y) * wd + xx] = w[r * inC + (y * wd + xx) * c + ch];
                        }
                    }
                }
            }
            w = p;
            wName += "/nchw_columns";
            flat = name(x, true) + "/flat";
            g.node("Flatten", List.of(nchwValue(x)), List.of(flat), Attr.i("axis", 1));
        } else if (xs.length == 2 && xs[1] == inC) {
            flat = nhwcValue(x);
        } else {
            flat = name(x, false) + "/flat";
            g.node("Reshape", List.of(nhwcValue(x), int64Const("shape", -1, inC)), List.of(flat));
        }
        List<String> inputs = new ArrayList<>(List.of(flat, floatConst(wName, new long[] {outC, inC}, w)));
        if (in.length > 2 && in[2] >= 0) {
            inputs.add(constOperand(in[2], false, 1f));
        }
        String out = withActivation(op, fused(op, 0), define(op.outputs()[0], false));
        g.node("Gemm", inputs, List.of(out), Attr.i("transB", 1));
        finishActivation(op);
    }

    private void binary(Operator op, String onnxOp, int act) {
        int[] in = op.inputs();
        int outRank = m.tensor(op.outputs()[0]).shape().length;
        boolean layout = outRank == 4;
        boolean anyDynamic = false;
        for (int t : in) {
            if (!isConst(t)) {
                anyDynamic = true;
                layout &= availableNchw(t);
            }
        }
        layout &= anyDynamic;
        List<String> inputs = new ArrayList<>();
        for (int t : in) {
            inputs.add(isConst(t) ? constOperand(t, layout, 1f) : layout ? nchwValue(t) : nhwcValue(t));
        }
        String out = withActivation(op, act, define(op.outputs()[0], layout));
        g.node(onnxOp, inputs, List.of(out));
        finishActivation(op);
    }

    private void unary(Operator op, String onnxOp, Attr... attrs) {
        int x = op.inputs()[0];
        boolean layout = availableNchw(x) && nhwc[x] == null;
        String in = layout ? nchwValue(x) : nhwcValue(x);
        g.node(onnxOp, List.of(in), List.of(define(op.outputs()[0], layout)), attrs);
    }

    private void prelu(Operator op, int x, int slope, float scale) {
        boolean layout = producedNchw(x);
        if (!perChannel(slope, x)) {
            throw unsupported(op, "slope " + m.tensor(slope).describe() + " is not per channel");
        }
        String in = layout ? nchwValue(x) : nhwcValue(x);
        int[] xs = m.tensor(x).shape();
        if (layout && preluForm == TfliteImporter.PreluForm.DEPTHWISE_CONV && blockedConvOutput(x)) {
            preluAsDepthwise(in, slope, scale, xs[3], define(op.outputs()[0], true));
            return;
        }
        g.node("PRelu", List.of(in, constOperand(slope, layout, scale)), List.of(define(op.outputs()[0], layout)));
    }

    /**
     * Channel counts ONNX Runtime runs blocked: its NCHWc block is 8 floats with AVX2 and 16 with AVX-512; a (grouped)
     * convolution on channels that do not fill whole blocks runs unblocked.
     */
    private static final int NCHWC_CHANNEL_MULTIPLE = 16;

    /**
     * True when {@code x} comes straight from a convolution that ONNX Runtime will run in NCHWc: output channels and
     * input channels in whole blocks (or fewer than 8 inputs, which it also blocks). Elsewhere the depthwise form of a
     * PReLU would itself need reorders: on PNet's unblocked 10-to-16-channel conv2 it was slower than PRelu.
     */
    private boolean blockedConvOutput(int x) {
        Operator conv = producerOp(x, CONV_2D);
        if (conv == null) {
            conv = producerOp(x, DEPTHWISE_CONV_2D);
        }
        if (conv == null) {
            return false;
        }
        int in = m.tensor(conv.inputs()[0]).shape()[3];
        int out = m.tensor(x).shape()[3];
        return out % NCHWC_CHANNEL_MULTIPLE == 0 && (in < 8 || in % NCHWC_CHANNEL_MULTIPLE == 0);
    }

    /**
     * prelu(x) = x + (1 - a) relu(-x), with both per-channel products as 1x1 depthwise convolutions: relu(conv(x, -1))
     * and conv(that, 1 - a) + x. ONNX Runtime (level ALL) runs these in its blocked NCHWc layout, folds the Relu and the
     * Add into the convolutions, and so needs no reorder around the activation, which PRelu (no NCHWc kernel) does.
     * For x >= 0 the result is x exactly; for x < 0 it is x + (1 - a)(-x), within a few ulp of a x. Holds for any slope.
     */
    private void preluAsDepthwise(String x, int slope, float scale, int channels, String out) {
        float[] a = constFloats(slope);
        float[] minusOne = new float[channels];
        float[] oneMinusA = new float[channels];
        for (int c = 0; c < channels; c++) {
            minusOne[c] = -1f;
            oneMinusA[c] = 1f - a[a.length == 1 ? 0 : c] * scale;
        }
        long[] dims = {channels, 1, 1, 1};
        Attr kernel = Attr.ints("kernel_shape", 1, 1);
        Attr group = Attr.i("group", channels);
        String negated = out + "/neg_x";
        String negative = out + "/relu_neg_x";
        String correction = out + "/correction";
        String minusOneName = constants.computeIfAbsent("minus_one:" + channels,
                k -> floatConst("const/minus_one_" + channels, dims, minusOne));
        g.node("Conv", List.of(x, minusOneName), List.of(negated), kernel, group);
        g.node("Relu", List.of(negated), List.of(negative));
        g.node("Conv", List.of(negative, floatConst(out + "/one_minus_slope", dims, oneMinusA)), List.of(correction), kernel, group);
        g.node("Add", List.of(x, correction), List.of(out));
    }

    private void softmax(Operator op, int x, int axis, float beta) {
        int[] xs = m.tensor(x).shape();
        if (xs.length == 4 && axis == 3 && xs[3] == 2 && producedNchw(x)) {
            twoClassSoftmax(op, x, beta);
            return;
        }
        // run on the NHWC form: the output is usually a graph output, and ORT's softmax is fastest on the last axis
        String in = nhwcValue(x);
        if (beta != 1f) {
            String scaled = in + "/beta";
            g.node("Mul", List.of(in, scalar(beta)), List.of(scaled));
            in = scaled;
        }
        g.node("Softmax", List.of(in), List.of(define(op.outputs()[0], false)), Attr.i("axis", axis));
    }

    /**
     * Softmax over two channels (PNet's face/no-face map) as sigmoid(beta (x_k - x_other)): a 1x1 convolution with
     * weights [[1, -1], [-1, 1]] and a Sigmoid, which ONNX Runtime fuses and runs blocked (NCHWc) straight from the
     * convolution before, instead of transposing to NHWC for a Softmax over rows of two values. PNet [1,385,289,3], 1
     * thread: the Softmax took 1.3 of 23 ms.
     */
    private void twoClassSoftmax(Operator op, int x, float beta) {
        String out = define(op.outputs()[0], true);
        String weights = constants.computeIfAbsent("two_class_softmax*" + beta,
                k -> floatConst("const/two_class_softmax_" + constants.size(), new long[] {2, 2, 1, 1}, new float[] {beta, -beta, -beta, beta}));
        g.node("Conv", List.of(nchwValue(x), weights), List.of(out + "/logit_differences"), Attr.ints("kernel_shape", 1, 1));
        g.node("Sigmoid", List.of(out + "/logit_differences"), List.of(out));
    }

    private void emitFusion(Operator op, Fusion f) {
        if (f.opType().equals("PRelu")) {
            prelu(op, f.x(), f.param(), f.scale());
        } else {
            softmax(op, f.x(), f.axis(), 1f);
        }
    }

    private void dequantize(Operator op) {
        int x = op.inputs()[0];
        if (m.tensor(x).isConstant()) {
            return; // folded: consumers read the widened constant (see constFloats)
        }
        if (m.tensor(x).type() != TfliteModel.FLOAT16) {
            throw unsupported(op, "only float16 dequantization is supported, input type " + m.tensor(x).type());
        }
        unary(op, "Cast", Attr.i("to", OnnxGraph.FLOAT));
    }

    private void reduce(Operator op, String onnxOp) {
        int x = op.inputs()[0];
        int rank = m.tensor(x).shape().length;
        long[] axes = constInts(op.inputs()[1]).clone();
        boolean keep = keepDims(op);
        boolean layout = rank == 4 && keep && producedNchw(x);
        for (int i = 0; i < axes.length; i++) {
            long a = Math.floorMod(axes[i], rank);
            axes[i] = layout ? NHWC_TO_NCHW_AXIS[(int) a] : a;
        }
        String in = layout ? nchwValue(x) : nhwcValue(x);
        String out = define(op.outputs()[0], layout);
        Attr keepAttr = Attr.i("keepdims", keep ? 1 : 0);
        if (onnxOp.equals("ReduceSum")) { // axes is an input of ReduceSum since opset 13
            g.node(onnxOp, List.of(in, int64Const("axes", axes)), List.of(out), keepAttr);
        } else {
            g.node(onnxOp, List.of(in), List.of(out), Attr.ints("axes", axes), keepAttr);
        }
    }

    private void reshape(Operator op) {
        int[] in = op.inputs();
        long[] shape;
        if (in.length > 1 && in[1] >= 0 && m.tensor(in[1]).isConstant()) {
            shape = constInts(in[1]).clone();
        } else if (opts(op) != null && opts(op).has(0)) {
            // ReshapeOptions: 0 new_shape
            shape = toLong(opts(op).intVector(0));
        } else if (in.length > 1 && in[1] >= 0) {
            throw unsupported(op, "the new shape is computed at run time");
        } else {
            shape = toLong(m.tensor(op.outputs()[0]).shape());
        }
        int[] xs = m.tensor(in[0]).shape();
        // The batch becomes symbolic: the stored batch size (e.g. MobileFaceNet's [2, 192]) turns into -1, or into 0
        // ("copy from the input") when another dimension is already -1.
        if (shape.length > 0 && xs.length > 0 && shape[0] == xs[0] && shape[0] != -1) {
            boolean otherInferred = false;
            for (int i = 1; i < shape.length; i++) {
                otherInferred |= shape[i] == -1;
            }
            shape[0] = otherInferred ? 0 : -1;
        }
        g.node("Reshape", List.of(nhwcValue(in[0]), int64Const("shape", shape)), List.of(define(op.outputs()[0], false)));
    }

    private void stridedSlice(Operator op) {
        int[] in = op.inputs();
        int x = in[0];
        int[] xs = m.tensor(x).shape();
        long[] begin = constInts(in[1]);
        long[] end = constInts(in[2]).clone();
        long[] strides = in.length > 3 && in[3] >= 0 ? constInts(in[3]) : filled(begin.length, 1);
        FlatTable o = opts(op);
        // StridedSliceOptions: 0 begin_mask, 1 end_mask, 2 ellipsis_mask, 3 new_axis_mask, 4 shrink_axis_mask, 5 offset
        int beginMask = o == null ? 0 : o.getInt(0, 0);
        int endMask = o == null ? 0 : o.getInt(1, 0);
        int ellipsis = o == null ? 0 : o.getInt(2, 0);
        int newAxis = o == null ? 0 : o.getInt(3, 0);
        int shrink = o == null ? 0 : o.getInt(4, 0);
        boolean offset = o != null && o.getBool(5, false);
        if (ellipsis != 0 || newAxis != 0) {
            throw unsupported(op, "ellipsis_mask/new_axis_mask");
        }
        if (begin.length != xs.length || end.length != xs.length || strides.length != xs.length) {
            throw unsupported(op, "begin/end/strides must cover every axis of " + Arrays.toString(xs));
        }
        List<Long> starts = new ArrayList<>();
        List<Long> ends = new ArrayList<>();
        List<Long> axes = new ArrayList<>();
        List<Long> steps = new ArrayList<>();
        List<Long> squeeze = new ArrayList<>();
        for (int i = 0; i < xs.length; i++) {
            long s = strides[i];
            if (s == 0) {
                throw unsupported(op, "stride 0 on axis " + i);
            }
            long b = (beginMask >> i & 1) != 0 ? (s > 0 ? 0 : Long.MAX_VALUE) : begin[i];
            long e = offset ? begin[i] + end[i] : end[i];
            if ((endMask >> i & 1) != 0) {
                e = s > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
            }
            if ((shrink >> i & 1) != 0) {
                b = begin[i];
                e = b == -1 ? Long.MAX_VALUE : b + 1;
                s = 1;
                squeeze.add((long) i);
            } else if (b == 0 && s == 1 && e >= xs[i]) {
                continue; // the whole axis, at any size (so the symbolic batch stays whole)
            }
            starts.add(b);
            ends.add(e);
            axes.add((long) i);
            steps.add(s);
        }
        String value = nhwcValue(x);
        String out = define(op.outputs()[0], false);
        String sliced = squeeze.isEmpty() ? out : out + "/unsqueezed";
        if (axes.isEmpty()) {
            g.node("Identity", List.of(value), List.of(sliced));
        } else {
            g.node("Slice", List.of(value, int64Const("starts", unbox(starts)), int64Const("ends", unbox(ends)),
                    int64Const("axes", unbox(axes)), int64Const("steps", unbox(steps))), List.of(sliced));
        }
        if (!squeeze.isEmpty()) {
            g.node("Squeeze", List.of(sliced, int64Const("axes", unbox(squeeze))), List.of(out));
        }
    }

    private void concatenation(Operator op) {
        int[] in = op.inputs();
        int rank = m.tensor(op.outputs()[0]).shape().length;
        // ConcatenationOptions: 0 axis, 1 fused_activation
        int axis = Math.floorMod(opts(op) == null ? 0 : opts(op).getInt(0, 0), rank);
        boolean layout = rank == 4;
        for (int t : in) {
            layout &= isConst(t) || producedNchw(t);
        }
        List<String> inputs = new ArrayList<>();
        for (int t : in) {
            inputs.add(isConst(t) ? constOperand(t, layout, 1f) : layout ? nchwValue(t) : nhwcValue(t));
        }
        String out = withActivation(op, fused(op, 1), define(op.outputs()[0], layout));
        g.node("Concat", inputs, List.of(out), Attr.i("axis", layout ? NHWC_TO_NCHW_AXIS[axis] : axis));
        finishActivation(op);
    }

    // ---------------------------------------------------------------------------------------------- helpers

    /** ONNX dims for a graph input/output: dimension 0 is "batch"; height and width are symbolic for PNet-like graphs. */
    private Object[] dims(Tensor t, boolean input) {
        int[] s = t.shape();
        Object[] d = new Object[s.length];
        for (int i = 0; i < s.length; i++) {
            if (i == 0) {
                d[i] = "batch";
            } else if (spatialSymbolic && s.length == 4 && (i == 1 || i == 2)) {
                d[i] = input ? (i == 1 ? "height" : "width") : null;
            } else {
                d[i] = (long) s[i];
            }
        }
        return d;
    }

    private int onnxType(Tensor t) {
        return onnxType(t.type());
    }

    private int onnxType(int tfliteType) {
        return switch (tfliteType) {
            case TfliteModel.FLOAT32 -> OnnxGraph.FLOAT;
            case TfliteModel.FLOAT16 -> OnnxGraph.FLOAT16;
            case TfliteModel.INT32 -> OnnxGraph.INT32;
            case TfliteModel.INT64 -> OnnxGraph.INT64;
            case TfliteModel.UINT8 -> OnnxGraph.UINT8;
            case TfliteModel.INT8 -> OnnxGraph.INT8;
            case TfliteModel.BOOL -> OnnxGraph.BOOL;
            default -> throw new ModelException(m.source + ": TFLite tensor type " + tfliteType + " is not supported");
        };
    }

    private static long count(int[] shape) {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    private static long[] toLong(int[] v) {
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }

    private static long[] filled(int n, long v) {
        long[] out = new long[n];
        Arrays.fill(out, v);
        return out;
    }

    private static long[] unbox(List<Long> v) {
        return v.stream().mapToLong(Long::longValue).toArray();
    }
}
