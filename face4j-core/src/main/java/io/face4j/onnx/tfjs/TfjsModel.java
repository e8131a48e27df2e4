package io.face4j.onnx.tfjs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.face4j.onnx.ModelException;

/**
 * A TensorFlow.js graph model as read from its {@code model.json} (format {@code graph-model}: a TensorFlow GraphDef
 * in JSON under {@code modelTopology.node}, a {@code signature}, and a {@code weightsManifest} of groups, each a list
 * of shard files whose concatenated bytes hold the group's weights one after the other, little-endian). Weights
 * quantized by the TFJS converter ({@code quantization: {dtype: uint8|uint16, scale, min}} or {@code {dtype: float16}})
 * are dequantised to float32 as TFJS does when loading. Immutable after {@link #read}.
 */
final class TfjsModel {
    final String source;
    final List<Node> nodes;
    final Map<String, Node> byName;
    final Map<String, Weight> weights;
    /** Signature inputs and outputs (TFJS tensor names without ":0"), empty when the file has no signature. */
    final List<String> signatureInputs;
    final List<String> signatureOutputs;

    /** One GraphDef node; {@code inputs} as written (may carry ":k" output indices and "^" control inputs). */
    record Node(String name, String op, List<String> inputs, Map<String, Object> attr) {
    }

    /** A weight, dequantised: {@code floats} for float32, {@code ints} for int32. */
    record Weight(String name, String dtype, long[] shape, float[] floats, int[] ints) {
        int size() {
            return floats != null ? floats.length : ints.length;
        }
    }

    private TfjsModel(String source, List<Node> nodes, Map<String, Weight> weights, List<String> signatureInputs,
            List<String> signatureOutputs) {
        this.source = source;
        this.nodes = List.copyOf(nodes);
        Map<String, Node> map = new LinkedHashMap<>();
        for (Node n : nodes) {
            if (map.put(n.name(), n) != null) {
                throw new ModelException(source + ": two nodes are named '" + n.name() + "'");
            }
        }
        this.byName = map;
        this.weights = weights;
        this.signatureInputs = List.copyOf(signatureInputs);
        this.signatureOutputs = List.copyOf(signatureOutputs);
    }

    // --------------------------------------------------------------------------------------------- reading

    static TfjsModel read(byte[] modelJson, TfjsImporter.ShardReader shards, String source) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(modelJson)).toString();
        } catch (CharacterCodingException e) {
            throw new ModelException(source + ": not a TFJS model.json: the file is not UTF-8 text");
        }
        Object root;
        try {
            root = Json.parse(text);
        } catch (Json.JsonException e) {
            throw new ModelException(source + ": malformed JSON: " + e.getMessage(), e);
        }
        Map<String, Object> model = object(root, source, "the document");
        Object format = model.get("format");
        if (format != null && !"graph-model".equals(format)) {
            throw new ModelException(source + ": format is '" + format + "'; only TFJS graph models (format graph-model) can be imported");
        }
        Map<String, Object> topology = object(required(model, "modelTopology", source, "the document"), source, "modelTopology");
        Object library = topology.get("library");
        if (library instanceof Map<?, ?> lib && lib.get("function") instanceof List<?> fns && !fns.isEmpty()) {
            throw new ModelException(source + ": the graph defines " + fns.size()
                    + " functions (control flow); only straight-line graphs can be imported");
        }
        List<Node> nodes = new ArrayList<>();
        List<Object> nodeList = list(required(topology, "node", source, "modelTopology"), source, "modelTopology.node");
        for (int i = 0; i < nodeList.size(); i++) {
            nodes.add(node(object(nodeList.get(i), source, "modelTopology.node[" + i + "]"), source, i));
        }
        List<String> sigIn = new ArrayList<>();
        List<String> sigOut = new ArrayList<>();
        if (model.get("signature") instanceof Map<?, ?> sig) {
            signatureNames(sig.get("inputs"), sigIn, source, "signature.inputs");
            signatureNames(sig.get("outputs"), sigOut, source, "signature.outputs");
        }
        Map<String, Weight> weights = readWeights(list(required(model, "weightsManifest", source, "the document"), source,
                "weightsManifest"), shards, source);
        return new TfjsModel(source, nodes, weights, sigIn, sigOut);
    }

    private static Node node(Map<String, Object> n, String source, int index) {
        String where = "modelTopology.node[" + index + "]";
        String name = string(required(n, "name", source, where), source, where + ".name");
        String op = string(required(n, "op", source, "node '" + name + "'"), source, "node '" + name + "' op");
        List<String> inputs = new ArrayList<>();
        if (n.containsKey("input")) {
            for (Object o : list(n.get("input"), source, "node '" + name + "' input")) {
                inputs.add(string(o, source, "node '" + name + "' input"));
            }
        }
        Map<String, Object> attr = n.containsKey("attr") ? object(n.get("attr"), source, "node '" + name + "' attr") : Map.of();
        return new Node(name, op, List.copyOf(inputs), attr);
    }

    private static void signatureNames(Object entries, List<String> out, String source, String where) {
        if (entries == null) {
            return;
        }
        for (Map.Entry<String, Object> e : object(entries, source, where).entrySet()) {
            Map<String, Object> info = object(e.getValue(), source, where + "." + e.getKey());
            String name = string(required(info, "name", source, where + "." + e.getKey()), source, where + "." + e.getKey() + ".name");
            out.add(name.endsWith(":0") ? name.substring(0, name.length() - 2) : name);
        }
    }

    // --------------------------------------------------------------------------------------------- weights

    private static Map<String, Weight> readWeights(List<Object> manifest, TfjsImporter.ShardReader shards, String source) {
        Map<String, Weight> weights = new LinkedHashMap<>();
        for (int g = 0; g < manifest.size(); g++) {
            String where = "weightsManifest[" + g + "]";
            Map<String, Object> group = object(manifest.get(g), source, where);
            List<String> paths = new ArrayList<>();
            for (Object p : list(required(group, "paths", source, where), source, where + ".paths")) {
                paths.add(string(p, source, where + ".paths"));
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (String path : paths) {
                byte[] shard;
                try {
                    shard = shards.read(path);
                } catch (IOException e) {
                    throw new ModelException(source + ": cannot read weight shard '" + path + "': " + e.getMessage(), e);
                }
                if (shard == null) {
                    throw new ModelException(source + ": weight shard '" + path + "' (" + where + ") is missing");
                }
                bytes.writeBytes(shard);
            }
            ByteBuffer buf = ByteBuffer.wrap(bytes.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
            String files = String.join(" + ", paths);
            for (Object w : list(required(group, "weights", source, where), source, where + ".weights")) {
                Weight weight = weight(object(w, source, where + ".weights"), buf, files, source);
                if (weights.put(weight.name(), weight) != null) {
                    throw new ModelException(source + ": weight '" + weight.name() + "' appears twice in the manifest");
                }
            }
            if (buf.hasRemaining()) {
                throw new ModelException(source + ": weight shard " + files + " has " + buf.capacity() + " bytes but the manifest describes "
                        + buf.position() + " (wrong or corrupt .bin file?)");
            }
        }
        return weights;
    }

    private static Weight weight(Map<String, Object> spec, ByteBuffer buf, String files, String source) {
        String name = string(required(spec, "name", source, "a weight"), source, "weight name");
        String where = "weight '" + name + "'";
        String dtype = string(required(spec, "dtype", source, where), source, where + " dtype");
        long[] shape = longs(list(required(spec, "shape", source, where), source, where + " shape"), source, where + " shape");
        long count = 1;
        for (long d : shape) {
            if (d < 0 || d > Integer.MAX_VALUE) {
                throw new ModelException(source + ": " + where + " has an invalid shape " + Arrays.toString(shape));
            }
            count *= d;
            if (count > Integer.MAX_VALUE / 4) {
                throw new ModelException(source + ": " + where + " is too large: shape " + Arrays.toString(shape));
            }
        }
        int n = (int) count;
        if (!dtype.equals("float32") && !dtype.equals("int32")) {
            throw new ModelException(source + ": " + where + " has dtype '" + dtype + "'; the importer reads float32 and int32 weights");
        }
        Object q = spec.get("quantization");
        if (q == null || q == Json.NULL) {
            requireBytes(buf, 4L * n, where, files, source);
            if (dtype.equals("float32")) {
                float[] f = new float[n];
                buf.asFloatBuffer().get(f);
                buf.position(buf.position() + 4 * n);
                return new Weight(name, dtype, shape, f, null);
            }
            int[] ints = new int[n];
            buf.asIntBuffer().get(ints);
            buf.position(buf.position() + 4 * n);
            return new Weight(name, dtype, shape, null, ints);
        }
        Map<String, Object> quant = object(q, source, where + " quantization");
        String qtype = string(required(quant, "dtype", source, where + " quantization"), source, where + " quantization dtype");
        float[] values = new float[n];
        switch (qtype) {
            case "float16" -> {
                requireBytes(buf, 2L * n, where, files, source);
                for (int i = 0; i < n; i++) {
                    values[i] = halfToFloat(buf.getShort());
                }
            }
            case "uint8", "uint16" -> {
                // TFJS affine quantization: value = q * scale + min (tfjs-core io/io_utils.ts)
                float scale = (float) number(required(quant, "scale", source, where + " quantization"), source, where + " scale");
                float min = (float) number(required(quant, "min", source, where + " quantization"), source, where + " min");
                boolean wide = qtype.equals("uint16");
                requireBytes(buf, (wide ? 2L : 1L) * n, where, files, source);
                for (int i = 0; i < n; i++) {
                    int v = wide ? Short.toUnsignedInt(buf.getShort()) : Byte.toUnsignedInt(buf.get());
                    values[i] = v * scale + min;
                }
            }
            default -> throw new ModelException(source + ": " + where + " uses quantization dtype '" + qtype
                    + "'; the importer reads float16, uint8 and uint16");
        }
        if (dtype.equals("int32")) {
            int[] ints = new int[n];
            for (int i = 0; i < n; i++) {
                ints[i] = Math.round(values[i]);
            }
            return new Weight(name, dtype, shape, null, ints);
        }
        return new Weight(name, dtype, shape, values, null);
    }

    private static void requireBytes(ByteBuffer buf, long needed, String where, String files, String source) {
        if (buf.remaining() < needed) {
            throw new ModelException(source + ": weight shard " + files + " is truncated: " + where + " needs " + needed
                    + " bytes at offset " + buf.position() + " but the shard has " + buf.capacity() + " bytes");
        }
    }

    /** IEEE 754 binary16 to binary32 (Java 17 has no Float.float16ToFloat). */
    static float halfToFloat(short half) {
        int h = half & 0xffff;
        int sign = (h & 0x8000) << 16;
        int exp = (h >>> 10) & 0x1f;
        int mant = h & 0x3ff;
        if (exp == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13)); // inf or NaN
        }
        if (exp == 0) {
            if (mant == 0) {
                return Float.intBitsToFloat(sign);
            }
            float v = mant * 0x1p-24f; // subnormal: mant * 2^-24, exact in float32
            return sign != 0 ? -v : v;
        }
        return Float.intBitsToFloat(sign | ((exp - 15 + 127) << 23) | (mant << 13));
    }

    // --------------------------------------------------------------------------------------------- attribute access

    /** A node's attribute value object (e.g. {@code {"i": "1"}}), or null when absent. */
    static Map<String, Object> attr(Node node, String key, String source) {
        Object a = node.attr().get(key);
        return a == null ? null : object(a, source, "node '" + node.name() + "' attr " + key);
    }

    static String attrString(Node node, String key, String source) {
        Map<String, Object> a = attr(node, key, source);
        if (a == null || !a.containsKey("s")) {
            return null;
        }
        return base64(string(a.get("s"), source, "attr " + key), node, key, source);
    }

    static List<String> attrStrings(Node node, String key, String source) {
        Map<String, Object> a = attr(node, key, source);
        List<String> out = new ArrayList<>();
        if (a == null || !(a.get("list") instanceof Map<?, ?> l) || l.get("s") == null) {
            return out;
        }
        for (Object o : list(l.get("s"), source, "node '" + node.name() + "' attr " + key)) {
            out.add(base64(string(o, source, "attr " + key), node, key, source));
        }
        return out;
    }

    static long[] attrInts(Node node, String key, String source) {
        Map<String, Object> a = attr(node, key, source);
        if (a == null || !(a.get("list") instanceof Map<?, ?> l) || l.get("i") == null) {
            return null;
        }
        return longs(list(l.get("i"), source, "attr " + key), source, "node '" + node.name() + "' attr " + key);
    }

    static Long attrInt(Node node, String key, String source) {
        Map<String, Object> a = attr(node, key, source);
        return a == null || !a.containsKey("i") ? null : toLong(a.get("i"), source, "node '" + node.name() + "' attr " + key);
    }

    static Double attrFloat(Node node, String key, String source) {
        Map<String, Object> a = attr(node, key, source);
        return a == null || !a.containsKey("f") ? null : number(a.get("f"), source, "node '" + node.name() + "' attr " + key);
    }

    static boolean attrBool(Node node, String key, String source) {
        Map<String, Object> a = attr(node, key, source);
        return a != null && Boolean.TRUE.equals(a.get("b"));
    }

    /** The dims of a {@code shape} attribute ({@code {"shape": {"dim": [{"size": "-1"}, ...]}}}), null if unknown rank. */
    static long[] attrShape(Node node, String key, String source) {
        Map<String, Object> a = attr(node, key, source);
        if (a == null || !(a.get("shape") instanceof Map<?, ?> s) || Boolean.TRUE.equals(s.get("unknownRank"))) {
            return null;
        }
        return dims(s.get("dim"), source, "node '" + node.name() + "' attr " + key);
    }

    static long[] dims(Object dimList, String source, String where) {
        if (dimList == null) {
            return new long[0]; // a scalar: TF omits the empty dim list
        }
        List<Object> dims = list(dimList, source, where);
        long[] out = new long[dims.size()];
        for (int i = 0; i < out.length; i++) {
            Map<String, Object> d = object(dims.get(i), source, where);
            out[i] = d.containsKey("size") ? toLong(d.get("size"), source, where) : -1;
        }
        return out;
    }

    private static String base64(String s, Node node, String key, String source) {
        try {
            return new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ModelException(source + ": node '" + node.name() + "' attr " + key + " is not base64: '" + s + "'");
        }
    }

    // --------------------------------------------------------------------------------------------- JSON helpers

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object o, String source, String where) {
        if (o instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new ModelException(source + ": " + where + " should be a JSON object, found " + describe(o));
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o, String source, String where) {
        if (o instanceof List<?> l) {
            return (List<Object>) l;
        }
        throw new ModelException(source + ": " + where + " should be a JSON array, found " + describe(o));
    }

    static String string(Object o, String source, String where) {
        if (o instanceof String s) {
            return s;
        }
        throw new ModelException(source + ": " + where + " should be a string, found " + describe(o));
    }

    static double number(Object o, String source, String where) {
        if (o instanceof Double d) {
            return d;
        }
        if (o instanceof String s) { // the TFJS converter writes some numbers as strings
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw new ModelException(source + ": " + where + " should be a number, found " + describe(o));
    }

    /** int64 values are written as strings by protobuf's JSON mapping, small ones sometimes as numbers. */
    static long toLong(Object o, String source, String where) {
        if (o instanceof String s) {
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                throw new ModelException(source + ": " + where + " should be an integer, found \"" + s + "\"");
            }
        }
        if (o instanceof Double d && d == Math.rint(d) && Math.abs(d) < 0x1p53) {
            return d.longValue();
        }
        throw new ModelException(source + ": " + where + " should be an integer, found " + describe(o));
    }

    static long[] longs(List<Object> list, String source, String where) {
        long[] out = new long[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = toLong(list.get(i), source, where);
        }
        return out;
    }

    private static Object required(Map<String, Object> map, String key, String source, String where) {
        Object v = map.get(key);
        if (v == null) {
            throw new ModelException(source + ": " + where + " has no \"" + key + "\"");
        }
        return v;
    }

    private static String describe(Object o) {
        if (o == null) {
            return "nothing";
        }
        if (o == Json.NULL) {
            return "null";
        }
        if (o instanceof Map) {
            return "an object";
        }
        if (o instanceof List) {
            return "an array";
        }
        if (o instanceof String s) {
            return "\"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
        }
        return o.toString();
    }
}
