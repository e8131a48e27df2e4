package io.face4j.onnx.tfjs;

import static io.face4j.onnx.proto.OnnxGraph.Attr;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.face4j.onnx.ModelException;
import io.face4j.onnx.proto.OnnxGraph;
import io.face4j.onnx.tfjs.TfjsModel.Node;
import io.face4j.onnx.tfjs.TfjsModel.Weight;

/**
 * One conversion of a {@link TfjsModel} into an ONNX graph (opset 17). Graph inputs and outputs keep the TFJS names and
 * NHWC layouts, with dimension 0 symbolic ({@code batch}); inside, 4-D activations produced by convolutions and pools
 * stay NCHW, and the other layout is made on demand with one Transpose, so layout-sensitive ops (Reshape, MatMul,
 * Softmax) see TensorFlow's element order. Constants are folded into the form each ONNX op wants (HWIO filters to
 * OIHW, per-channel vectors to [1,C,1,1]). Not thread-safe; used once.
 */
final class TfjsGraphConverter {
    /** ONNX opset 17, as the TFLite importer (Softmax takes a single axis since opset 13). */
    static final int OPSET = 17;

    static final Set<String> SUPPORTED_OPS = new java.util.TreeSet<>(Set.of("Placeholder", "Const", "Identity", "Conv2D",
            "_FusedConv2D", "MaxPool", "AvgPool", "MatMul", "_FusedMatMul", "Reshape", "Relu", "Relu6", "Sigmoid", "Tanh",
            "Softmax", "Add", "AddV2", "BiasAdd", "Sub", "Mul", "RealDiv", "Maximum", "Minimum"));

    /** Fused activations of _FusedConv2D/_FusedMatMul (after BiasAdd) that map to one ONNX op. */
    private static final Set<String> FUSED_ACTIVATIONS = Set.of("Relu", "Relu6", "LeakyRelu", "Sigmoid", "Tanh");

    private final TfjsModel m;
    private final String src;
    private final OnnxGraph g;
    private final Map<String, Value> values = new HashMap<>();
    private final Map<String, String> transposed = new HashMap<>();
    private final Set<String> usedNames = new HashSet<>();
    private boolean symbolicBatch;

    /**
     * A TF tensor as it exists in the ONNX graph. {@code shape} is always in TensorFlow (NHWC) order, -1 for unknown;
     * when {@code nchw} the ONNX tensor {@code onnx} holds the NCHW transpose. {@code weight} is set for constants,
     * which are written to the graph only in the form a consumer needs.
     */
    private record Value(String onnx, long[] shape, boolean nchw, Weight weight) {
        int rank() {
            return shape.length;
        }

        boolean isConst() {
            return weight != null;
        }
    }

    TfjsGraphConverter(TfjsModel model) {
        this.m = model;
        this.src = model.source;
        this.g = new OnnxGraph(model.source);
    }

    byte[] convert() {
        List<String> outputs = outputNames();
        List<Node> order = topologicalOrder(outputs);
        List<String> inputs = new ArrayList<>();
        for (String name : m.signatureInputs) {
            if (m.byName.containsKey(name)) {
                inputs.add(name);
            }
        }
        for (Node n : order) {
            if (n.op().equals("Placeholder") && !inputs.contains(n.name())) {
                inputs.add(n.name());
            }
        }
        for (String name : inputs) {
            placeholder(m.byName.get(name));
        }
        for (Node n : order) {
            if (n.op().equals("Placeholder")) {
                continue;
            }
            try {
                convert(n);
            } catch (ModelException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new ModelException(src + ": cannot convert node '" + n.name() + "' (op " + n.op() + "): " + e, e);
            }
        }
        for (String name : outputs) {
            Value v = values.get(name);
            if (v.isConst()) {
                throw new ModelException(src + ": output '" + name + "' is a constant; nothing to compute");
            }
            String nhwc = nhwc(v);
            if (!nhwc.equals(name)) {
                g.node("Identity", List.of(nhwc), List.of(name));
            }
            g.output(name, OnnxGraph.FLOAT, outputDims(v.shape()));
        }
        return g.toModel("face4j TfjsImporter", "converted from " + src, OPSET);
    }

    // ---------------------------------------------------------------------------------------------- graph walk

    private List<String> outputNames() {
        List<String> out = new ArrayList<>();
        for (String name : m.signatureOutputs) {
            if (!m.byName.containsKey(name)) {
                throw new ModelException(src + ": signature output '" + name + "' is not a node of the graph");
            }
            out.add(name);
        }
        if (out.isEmpty()) {
            Set<String> consumed = new HashSet<>();
            for (Node n : m.nodes) {
                for (String in : n.inputs()) {
                    consumed.add(tensorNode(n, in));
                }
            }
            for (Node n : m.nodes) {
                if (!consumed.contains(n.name()) && !n.op().equals("Const") && !n.op().equals("Placeholder")) {
                    out.add(n.name());
                }
            }
        }
        if (out.isEmpty()) {
            throw new ModelException(src + ": the graph has no outputs");
        }
        return out;
    }

    /** The nodes the outputs depend on, each after its inputs (iterative, so a long chain cannot overflow the stack). */
    private List<Node> topologicalOrder(List<String> outputs) {
        List<Node> order = new ArrayList<>();
        Set<String> done = new HashSet<>();
        Set<String> onPath = new HashSet<>();
        for (String out : outputs) {
            Deque<Object[]> stack = new ArrayDeque<>();
            if (!done.contains(out)) {
                stack.push(new Object[] {m.byName.get(out), 0});
                onPath.add(out);
            }
            while (!stack.isEmpty()) {
                Object[] top = stack.peek();
                Node n = (Node) top[0];
                int next = (int) top[1];
                List<String> ins = n.inputs();
                while (next < ins.size() && ins.get(next).startsWith("^")) {
                    next++; // control dependency: no data
                }
                if (next >= ins.size()) {
                    stack.pop();
                    onPath.remove(n.name());
                    done.add(n.name());
                    order.add(n);
                    continue;
                }
                top[1] = next + 1;
                String dep = tensorNode(n, ins.get(next));
                Node d = m.byName.get(dep);
                if (d == null) {
                    throw new ModelException(src + ": node '" + n.name() + "' reads '" + ins.get(next) + "', which is not a node of the graph");
                }
                if (onPath.contains(dep)) {
                    throw new ModelException(src + ": the graph has a cycle through node '" + dep + "'");
                }
                if (!done.contains(dep)) {
                    onPath.add(dep);
                    stack.push(new Object[] {d, 0});
                }
            }
        }
        return order;
    }

    /** "name" or "name:0" -> "name"; other output indices are refused (every supported op has one output). */
    private String tensorNode(Node reader, String input) {
        String s = input.startsWith("^") ? input.substring(1) : input;
        int colon = s.lastIndexOf(':');
        if (colon > 0 && s.substring(colon + 1).chars().allMatch(Character::isDigit) && colon < s.length() - 1) {
            if (!s.substring(colon + 1).equals("0")) {
                throw new ModelException(src + ": node '" + reader.name() + "' reads output " + s.substring(colon + 1) + " of '"
                        + s.substring(0, colon) + "'; the importer supports single-output ops only");
            }
            return s.substring(0, colon);
        }
        return s;
    }

    // ---------------------------------------------------------------------------------------------- nodes

    private void placeholder(Node n) {
        requireDtype(n, "dtype");
        long[] shape = TfjsModel.attrShape(n, "shape", src);
        if (shape == null) {
            throw problem(n, "has no static rank (shape attribute missing)");
        }
        Object[] dims = new Object[shape.length];
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] >= 0) {
                dims[i] = shape[i];
            } else if (i == 0) {
                dims[i] = "batch";
                symbolicBatch = true;
            } else {
                dims[i] = n.name() + "_dim" + i;
            }
        }
        // dimension 0 is the batch: symbolic even when the file fixes it, so one session serves any batch size
        if (shape.length > 0 && shape[0] >= 0) {
            dims[0] = "batch";
            shape[0] = -1;
            symbolicBatch = true;
        }
        g.input(n.name(), OnnxGraph.FLOAT, dims);
        usedNames.add(n.name());
        values.put(n.name(), new Value(n.name(), shape, false, null));
    }

    private void convert(Node n) {
        switch (n.op()) {
            case "Const" -> {
                Weight w = m.weights.get(n.name());
                if (w == null) {
                    throw problem(n, "is a Const without a weight in the weightsManifest");
                }
                values.put(n.name(), new Value(null, w.shape(), false, w));
            }
            case "Identity" -> values.put(n.name(), in(n, 0));
            case "Conv2D", "_FusedConv2D" -> conv2d(n);
            case "MaxPool", "AvgPool" -> pool(n);
            case "MatMul", "_FusedMatMul" -> matMul(n);
            case "Reshape" -> reshape(n);
            case "Relu", "Relu6", "Sigmoid", "Tanh" -> {
                requireDtype(n, "T");
                requireInputs(n, 1);
                Value x = in(n, 0);
                requireActivation(n, x);
                values.put(n.name(), activation(n.op(), 0f, n, x.nchw() ? nchw(x) : nhwc(x), x.shape(), x.nchw()));
            }
            case "Softmax" -> softmax(n);
            case "Add", "AddV2", "BiasAdd", "Sub", "Mul", "RealDiv", "Maximum", "Minimum" -> binary(n);
            case "Placeholder" -> throw problem(n, "is an input the signature does not list");
            default -> throw new ModelException(src + ": node '" + n.name() + "' uses op '" + n.op()
                    + "', which the TFJS importer does not support (supported: " + String.join(", ", SUPPORTED_OPS) + ")");
        }
    }

    private void conv2d(Node n) {
        requireDtype(n, "T");
        requireNhwc(n);
        Fused fused = fused(n, 2);
        Value x = in(n, 0);
        Value filter = constIn(n, 1, "filter");
        if (x.rank() != 4 || filter.rank() != 4) {
            throw problem(n, "needs a 4-D input and a 4-D HWIO filter, got " + Arrays.toString(x.shape()) + " and "
                    + Arrays.toString(filter.shape()));
        }
        long[] strides = spatial(n, "strides", true);
        long[] dilations = spatial(n, "dilations", false);
        int kh = (int) filter.shape()[0];
        int kw = (int) filter.shape()[1];
        int cinPerGroup = (int) filter.shape()[2];
        int cout = (int) filter.shape()[3];
        long cin = x.shape()[3];
        long group = 1;
        if (cin > 0 && cin != cinPerGroup) {
            if (cin % cinPerGroup != 0 || cout % (cin / cinPerGroup) != 0) {
                throw problem(n, "input has " + cin + " channels but the filter expects " + cinPerGroup);
            }
            group = cin / cinPerGroup;
        }
        float[] oihw = permute(floats(n, filter), new int[] {kh, kw, cinPerGroup, cout}, new int[] {3, 2, 0, 1});
        String w = initializer(n.name() + "/filter_oihw", new long[] {cout, cinPerGroup, kh, kw}, oihw);
        List<String> inputs = new ArrayList<>(List.of(nchw(x), w));
        if (fused.bias() != null) {
            inputs.add(bias(n, fused.bias(), cout));
        }
        Padding pad = padding(n, x.shape(), new long[] {(kh - 1) * dilations[0] + 1, (kw - 1) * dilations[1] + 1}, strides);
        List<Attr> attrs = new ArrayList<>(List.of(Attr.ints("kernel_shape", kh, kw), Attr.ints("strides", strides[0], strides[1]),
                Attr.ints("dilations", dilations[0], dilations[1]), Attr.i("group", group)));
        attrs.add(pad.attr());
        long[] outShape = {x.shape()[0], pad.outH(), pad.outW(), cout};
        String convOut = fused.activation() == null ? nchwName(n.name()) : unique(n.name() + "/conv");
        g.node("Conv", inputs, List.of(convOut), attrs.toArray(Attr[]::new));
        values.put(n.name(), fused.activation() == null ? new Value(convOut, outShape, true, null)
                : activation(fused.activation(), fused.alpha(), n, convOut, outShape, true));
    }

    private void pool(Node n) {
        requireDtype(n, "T");
        requireNhwc(n);
        requireInputs(n, 1);
        Value x = in(n, 0);
        if (x.rank() != 4) {
            throw problem(n, "needs a 4-D input, got " + Arrays.toString(x.shape()));
        }
        long[] k = spatial(n, "ksize", true);
        long[] strides = spatial(n, "strides", true);
        Padding pad = padding(n, x.shape(), k, strides);
        String out = nchwName(n.name());
        // TF average pooling with SAME padding divides by the number of real pixels: ONNX count_include_pad = 0 (default)
        g.node(n.op().equals("MaxPool") ? "MaxPool" : "AveragePool", List.of(nchw(x)), List.of(out), Attr.ints("kernel_shape", k[0], k[1]),
                Attr.ints("strides", strides[0], strides[1]), pad.attr());
        values.put(n.name(), new Value(out, new long[] {x.shape()[0], pad.outH(), pad.outW(), x.shape()[3]}, true, null));
    }

    private void matMul(Node n) {
        requireDtype(n, "T");
        Fused fused = fused(n, 2);
        Value a = in(n, 0);
        Value b = in(n, 1);
        if (a.rank() != 2 || b.rank() != 2) {
            throw problem(n, "needs 2-D operands, got " + Arrays.toString(a.shape()) + " and " + Arrays.toString(b.shape()));
        }
        boolean ta = TfjsModel.attrBool(n, "transpose_a", src);
        boolean tb = TfjsModel.attrBool(n, "transpose_b", src);
        long k1 = a.shape()[ta ? 0 : 1];
        long k2 = b.shape()[tb ? 1 : 0];
        if (k1 >= 0 && k2 >= 0 && k1 != k2) {
            throw problem(n, "inner dimensions differ: " + Arrays.toString(a.shape()) + (ta ? "^T" : "") + " x "
                    + Arrays.toString(b.shape()) + (tb ? "^T" : ""));
        }
        long cols = b.shape()[tb ? 0 : 1];
        List<String> inputs = new ArrayList<>(List.of(plain(n, a), plain(n, b)));
        if (fused.bias() != null) {
            inputs.add(bias(n, fused.bias(), cols));
        }
        long[] outShape = {a.shape()[ta ? 1 : 0], cols};
        String gemmOut = fused.activation() == null ? unique(n.name()) : unique(n.name() + "/gemm");
        g.node("Gemm", inputs, List.of(gemmOut), Attr.i("transA", ta ? 1 : 0), Attr.i("transB", tb ? 1 : 0));
        values.put(n.name(), fused.activation() == null ? new Value(gemmOut, outShape, false, null)
                : activation(fused.activation(), fused.alpha(), n, gemmOut, outShape, false));
    }

    private void reshape(Node n) {
        requireDtype(n, "T");
        requireInputs(n, 2);
        Value x = in(n, 0);
        Value shapeConst = constIn(n, 1, "shape");
        Weight w = shapeConst.weight();
        if (w.ints() == null || shapeConst.rank() != 1) {
            throw problem(n, "needs a 1-D int32 shape constant, got " + w.dtype() + " " + Arrays.toString(w.shape()));
        }
        long[] target = new long[w.ints().length];
        int unknown = -1;
        long known = 1;
        for (int i = 0; i < target.length; i++) {
            target[i] = w.ints()[i];
            if (target[i] == -1) {
                if (unknown >= 0) {
                    throw problem(n, "has more than one -1 in its shape " + Arrays.toString(target));
                }
                unknown = i;
            } else if (target[i] < 0) {
                throw problem(n, "has an invalid shape " + Arrays.toString(target));
            } else {
                known *= target[i];
            }
        }
        long[] outShape = target.clone();
        if (unknown >= 0) {
            long total = 1;
            for (long d : x.shape()) {
                total = d < 0 || total < 0 ? -1 : total * d;
            }
            outShape[unknown] = total < 0 || known == 0 ? -1 : total / known;
        }
        // the target shape is used as stored: Keras Flatten writes -1 for the batch, so the batch stays free
        String shapeName = int64Initializer(n.name() + "/shape", target);
        String out = unique(n.name());
        g.node("Reshape", List.of(nhwc(x), shapeName), List.of(out));
        values.put(n.name(), new Value(out, outShape, false, null));
    }

    private void softmax(Node n) {
        requireDtype(n, "T");
        requireInputs(n, 1);
        Value x = in(n, 0);
        requireActivation(n, x);
        String out = unique(n.name());
        g.node("Softmax", List.of(nhwc(x)), List.of(out), Attr.i("axis", -1)); // TF softmax: over the last axis
        values.put(n.name(), new Value(out, x.shape(), false, null));
    }

    private void binary(Node n) {
        requireDtype(n, "T");
        requireInputs(n, 2);
        if (n.op().equals("BiasAdd")) {
            requireNhwc(n);
        }
        Value a = in(n, 0);
        Value b = in(n, 1);
        String onnxOp = switch (n.op()) {
            case "Add", "AddV2", "BiasAdd" -> "Add";
            case "Sub" -> "Sub";
            case "Mul" -> "Mul";
            case "RealDiv" -> "Div";
            case "Maximum" -> "Max";
            default -> "Min";
        };
        if (a.isConst() && b.isConst()) {
            throw problem(n, "has two constant operands; the importer expects at least one computed input");
        }
        long[] outShape = broadcast(n, a.shape(), b.shape());
        boolean nchw = outShape.length == 4 && (a.nchw() || b.nchw())
                && (a.isConst() || a.rank() == 4) && (b.isConst() || b.rank() == 4);
        String ina = operand(n, a, nchw);
        String inb = operand(n, b, nchw);
        String out = nchw ? nchwName(n.name()) : unique(n.name());
        g.node(onnxOp, List.of(ina, inb), List.of(out));
        values.put(n.name(), new Value(out, outShape, nchw, null));
    }

    /** An element-wise operand in the layout the op runs in; constants are permuted to NCHW broadcasting form. */
    private String operand(Node n, Value v, boolean nchw) {
        if (!v.isConst()) {
            return nchw ? nchw(v) : nhwc(v);
        }
        float[] data = floats(n, v);
        if (!nchw) {
            return initializer(n.name() + "/" + shortName(v), v.shape(), data);
        }
        if (v.rank() > 4) {
            throw problem(n, "has a constant of rank " + v.rank() + " against a 4-D tensor");
        }
        int[] nhwc = {1, 1, 1, 1};
        for (int i = 0; i < v.rank(); i++) {
            nhwc[4 - v.rank() + i] = (int) v.shape()[i];
        }
        float[] permuted = permute(data, nhwc, new int[] {0, 3, 1, 2});
        return initializer(n.name() + "/" + shortName(v) + "_nchw", new long[] {nhwc[0], nhwc[3], nhwc[1], nhwc[2]}, permuted);
    }

    // ---------------------------------------------------------------------------------------------- fused ops

    private record Fused(Value bias, String activation, float alpha) {
    }

    /** Reads fused_ops/num_args of _FusedConv2D/_FusedMatMul: none, [BiasAdd], or [BiasAdd, activation]. */
    private Fused fused(Node n, int fixedInputs) {
        List<String> ops = TfjsModel.attrStrings(n, "fused_ops", src);
        Long numArgs = TfjsModel.attrInt(n, "num_args", src);
        int args = numArgs == null ? 0 : numArgs.intValue();
        requireInputs(n, fixedInputs + args);
        if (!n.op().startsWith("_Fused")) {
            if (!ops.isEmpty()) {
                throw problem(n, "is not a fused op but has fused_ops " + ops);
            }
            return new Fused(null, null, 0);
        }
        if (ops.isEmpty()) {
            if (args != 0) {
                throw problem(n, "has num_args " + args + " but no fused_ops");
            }
            return new Fused(null, null, 0);
        }
        if (!ops.get(0).equals("BiasAdd") || ops.size() > 2 || (ops.size() == 2 && !FUSED_ACTIVATIONS.contains(ops.get(1)))) {
            throw problem(n, "has fused_ops " + ops + "; the importer supports [BiasAdd] optionally followed by one of "
                    + new java.util.TreeSet<>(FUSED_ACTIVATIONS));
        }
        if (args != 1) {
            throw problem(n, "has fused_ops " + ops + " with num_args " + args + " (expected 1: the bias)");
        }
        Value bias = constIn(n, fixedInputs, "bias");
        String act = ops.size() == 2 ? ops.get(1) : null;
        float alpha = 0.2f; // tf.nn.leaky_relu's default alpha, used when the attribute is absent
        if ("LeakyRelu".equals(act)) {
            Double a = TfjsModel.attrFloat(n, "leakyrelu_alpha", src);
            if (a != null) {
                alpha = a.floatValue();
            }
        }
        return new Fused(bias, act, alpha);
    }

    private String bias(Node n, Value bias, long channels) {
        if (bias.rank() != 1 || (channels >= 0 && bias.shape()[0] != channels)) {
            throw problem(n, "has a bias of shape " + Arrays.toString(bias.shape()) + " for " + channels + " output channels");
        }
        return initializer(n.name() + "/bias", bias.shape(), floats(n, bias));
    }

    /** Applies an activation to ONNX tensor {@code in}; the result is named after node {@code n}. */
    private Value activation(String op, float alpha, Node n, String in, long[] shape, boolean nchw) {
        String name = n.name();
        String out = nchw ? nchwName(name) : unique(name);
        switch (op) {
            case "Relu" -> g.node("Relu", List.of(in), List.of(out));
            case "Relu6" -> g.node("Clip", List.of(in, scalar(name + "/zero", 0f), scalar(name + "/six", 6f)), List.of(out));
            case "Sigmoid" -> g.node("Sigmoid", List.of(in), List.of(out));
            case "Tanh" -> g.node("Tanh", List.of(in), List.of(out));
            case "LeakyRelu" -> g.node("LeakyRelu", List.of(in), List.of(out), Attr.f("alpha", alpha));
            default -> throw problem(n, "has an unsupported activation " + op);
        }
        return new Value(out, shape, nchw, null);
    }

    // ---------------------------------------------------------------------------------------------- padding

    private record Padding(Attr attr, long outH, long outW) {
    }

    /**
     * TF padding for a window of effective size {@code k} (dilated): VALID no padding, output ceil((in - k + 1) / s);
     * SAME output ceil(in / s), total = max((out - 1) * s + k - in, 0), the smaller half before (ONNX SAME_UPPER);
     * EXPLICIT from explicit_paddings (NHWC pairs). Explicit pads whenever the input size is known.
     */
    private Padding padding(Node n, long[] in, long[] k, long[] s) {
        String mode = TfjsModel.attrString(n, "padding", src);
        if (mode == null) {
            throw problem(n, "has no padding attribute");
        }
        long h = in[1];
        long w = in[2];
        switch (mode) {
            case "VALID" -> {
                if ((h >= 0 && h < k[0]) || (w >= 0 && w < k[1])) {
                    throw problem(n, "input " + Arrays.toString(in) + " is smaller than the window " + k[0] + "x" + k[1]);
                }
                return new Padding(Attr.ints("pads", 0, 0, 0, 0), h < 0 ? -1 : (h - k[0]) / s[0] + 1, w < 0 ? -1 : (w - k[1]) / s[1] + 1);
            }
            case "SAME" -> {
                if (h < 0 || w < 0) {
                    return new Padding(Attr.s("auto_pad", "SAME_UPPER"), h < 0 ? -1 : ceilDiv(h, s[0]), w < 0 ? -1 : ceilDiv(w, s[1]));
                }
                long oh = ceilDiv(h, s[0]);
                long ow = ceilDiv(w, s[1]);
                long th = Math.max((oh - 1) * s[0] + k[0] - h, 0);
                long tw = Math.max((ow - 1) * s[1] + k[1] - w, 0);
                return new Padding(Attr.ints("pads", th / 2, tw / 2, th - th / 2, tw - tw / 2), oh, ow);
            }
            case "EXPLICIT" -> {
                long[] p = TfjsModel.attrInts(n, "explicit_paddings", src);
                if (p == null || p.length != 8 || p[0] != 0 || p[1] != 0 || p[6] != 0 || p[7] != 0) {
                    throw problem(n, "has EXPLICIT padding with explicit_paddings " + Arrays.toString(p)
                            + " (expected 8 NHWC values, zero for batch and channels)");
                }
                long oh = h < 0 ? -1 : (h + p[2] + p[3] - k[0]) / s[0] + 1;
                long ow = w < 0 ? -1 : (w + p[4] + p[5] - k[1]) / s[1] + 1;
                return new Padding(Attr.ints("pads", p[2], p[4], p[3], p[5]), oh, ow);
            }
            default -> throw problem(n, "has padding '" + mode + "' (supported: SAME, VALID, EXPLICIT)");
        }
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    /** The H and W entries of an NHWC 4-vector attribute (strides, dilations, ksize); batch and channel must be 1. */
    private long[] spatial(Node n, String key, boolean required) {
        long[] v = TfjsModel.attrInts(n, key, src);
        if (v == null || v.length == 0) {
            if (required) {
                throw problem(n, "has no " + key + " attribute");
            }
            return new long[] {1, 1};
        }
        if (v.length != 4 || v[0] != 1 || v[3] != 1 || v[1] < 1 || v[2] < 1) {
            throw problem(n, "has " + key + " " + Arrays.toString(v) + "; expected [1, h, w, 1] with h, w >= 1");
        }
        return new long[] {v[1], v[2]};
    }

    // ---------------------------------------------------------------------------------------------- checks

    private void requireNhwc(Node n) {
        String format = TfjsModel.attrString(n, "data_format", src);
        if (format != null && !format.equals("NHWC")) {
            throw problem(n, "has data_format " + format + "; the importer supports NHWC");
        }
    }

    private void requireDtype(Node n, String key) {
        Map<String, Object> a = TfjsModel.attr(n, key, src);
        if (a != null && a.get("type") != null && !"DT_FLOAT".equals(a.get("type"))) {
            throw problem(n, "has " + key + " = " + a.get("type") + "; the importer supports float32 (DT_FLOAT) tensors");
        }
    }

    private void requireInputs(Node n, int count) {
        long data = n.inputs().stream().filter(s -> !s.startsWith("^")).count();
        if (data != count) {
            throw problem(n, "has " + data + " inputs, expected " + count);
        }
    }

    private void requireActivation(Node n, Value x) {
        if (x.isConst()) {
            throw problem(n, "applies to a constant; the importer expects a computed input");
        }
    }

    private ModelException problem(Node n, String what) {
        return new ModelException(src + ": node '" + n.name() + "' (op " + n.op() + ") " + what);
    }

    // ---------------------------------------------------------------------------------------------- values

    private Value in(Node n, int index) {
        List<String> data = n.inputs().stream().filter(s -> !s.startsWith("^")).toList();
        if (index >= data.size()) {
            throw problem(n, "has " + data.size() + " inputs, needs at least " + (index + 1));
        }
        Value v = values.get(tensorNode(n, data.get(index)));
        if (v == null) {
            throw problem(n, "reads '" + data.get(index) + "', which has no value (an input missing from the graph?)");
        }
        return v;
    }

    private Value constIn(Node n, int index, String role) {
        Value v = in(n, index);
        if (!v.isConst()) {
            throw problem(n, "needs a constant " + role + " (input " + index + "), got a computed tensor");
        }
        return v;
    }

    private float[] floats(Node n, Value v) {
        if (v.weight().floats() == null) {
            throw problem(n, "needs a float32 constant, got " + v.weight().dtype() + " '" + v.weight().name() + "'");
        }
        return v.weight().floats();
    }

    /** A 2-D or plain operand: NHWC for activations, the constant as stored otherwise. */
    private String plain(Node n, Value v) {
        return v.isConst() ? initializer(n.name() + "/" + shortName(v), v.shape(), floats(n, v)) : nhwc(v);
    }

    private static String shortName(Value v) {
        String name = v.weight().name();
        return name.substring(name.lastIndexOf('/') + 1);
    }

    private String nhwc(Value v) {
        if (v.isConst()) {
            throw new IllegalStateException("constant used as an activation: " + v.weight().name());
        }
        if (!v.nchw()) {
            return v.onnx();
        }
        return transposed.computeIfAbsent(v.onnx(), k -> {
            String base = k.endsWith(":nchw") ? k.substring(0, k.length() - ":nchw".length()) : k + "/nhwc";
            String out = unique(base);
            g.node("Transpose", List.of(k), List.of(out), Attr.ints("perm", 0, 2, 3, 1));
            return out;
        });
    }

    private String nchw(Value v) {
        if (v.isConst()) {
            throw new IllegalStateException("constant used as an activation: " + v.weight().name());
        }
        if (v.nchw()) {
            return v.onnx();
        }
        if (v.rank() != 4) {
            throw new IllegalStateException("a " + v.rank() + "-D tensor cannot be made NCHW: " + v.onnx());
        }
        return transposed.computeIfAbsent(v.onnx(), k -> {
            String out = unique(k + ":nchw");
            g.node("Transpose", List.of(k), List.of(out), Attr.ints("perm", 0, 3, 1, 2));
            return out;
        });
    }

    private String nchwName(String tfName) {
        return unique(tfName + ":nchw");
    }

    private String unique(String name) {
        String n = name;
        for (int i = 1; !usedNames.add(n); i++) {
            n = name + "_" + i;
        }
        return n;
    }

    private String initializer(String name, long[] dims, float[] data) {
        String n = unique(name);
        g.floatInitializer(n, dims, data);
        return n;
    }

    private String int64Initializer(String name, long[] values) {
        String n = unique(name);
        g.int64Initializer(n, new long[] {values.length}, values);
        return n;
    }

    private String scalar(String name, float value) {
        String n = unique(name);
        g.floatInitializer(n, new long[0], new float[] {value});
        return n;
    }

    private Object[] outputDims(long[] shape) {
        Object[] dims = new Object[shape.length];
        for (int i = 0; i < shape.length; i++) {
            dims[i] = shape[i] >= 0 ? (Object) shape[i] : (i == 0 && symbolicBatch ? "batch" : null);
        }
        return dims;
    }

    /** NumPy/TF broadcasting of two shapes (right-aligned); -1 (unknown) matches anything. */
    private long[] broadcast(Node n, long[] a, long[] b) {
        int rank = Math.max(a.length, b.length);
        long[] out = new long[rank];
        for (int i = 0; i < rank; i++) {
            long da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            long db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            if (da == 1) {
                out[i] = db;
            } else if (db == 1 || da == db) {
                out[i] = da;
            } else if (da < 0 || db < 0) {
                out[i] = Math.max(da, db);
            } else {
                throw problem(n, "cannot broadcast " + Arrays.toString(a) + " with " + Arrays.toString(b));
            }
        }
        return out;
    }

    /** Permutes a dense row-major array of shape {@code dims}: output axis i is input axis {@code perm[i]}. */
    static float[] permute(float[] data, int[] dims, int[] perm) {
        int rank = dims.length;
        int[] outDims = new int[rank];
        for (int i = 0; i < rank; i++) {
            outDims[i] = dims[perm[i]];
        }
        int[] inStrides = new int[rank];
        int stride = 1;
        for (int i = rank - 1; i >= 0; i--) {
            inStrides[i] = stride;
            stride *= dims[i];
        }
        if (stride != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(dims) + " does not hold " + data.length + " values");
        }
        float[] out = new float[data.length];
        int[] idx = new int[rank];
        for (int o = 0; o < out.length; o++) {
            int src = 0;
            for (int i = 0; i < rank; i++) {
                src += idx[i] * inStrides[perm[i]];
            }
            out[o] = data[src];
            for (int i = rank - 1; i >= 0; i--) {
                if (++idx[i] < outDims[i]) {
                    break;
                }
                idx[i] = 0;
            }
        }
        return out;
    }
}
