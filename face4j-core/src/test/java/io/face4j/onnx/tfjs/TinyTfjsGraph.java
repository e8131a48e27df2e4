package io.face4j.onnx.tfjs;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.StringJoiner;

/**
 * Builds small TFJS graph-model files in tests: a model.json (GraphDef nodes, signature, weightsManifest with one
 * shard {@code w.bin}) and the shard bytes, written the way the TFJS converter writes them (int64 as strings,
 * strings base64). Not thread-safe.
 */
final class TinyTfjsGraph {
    static final String SHARD = "w.bin";

    private final List<String> nodes = new ArrayList<>();
    private final List<String> weights = new ArrayList<>();
    private final ByteArrayOutputStream bin = new ByteArrayOutputStream();
    private final List<String> inputs = new ArrayList<>();

    String input(String name, long... shape) {
        nodes.add("{\"name\":\"" + name + "\",\"op\":\"Placeholder\",\"attr\":{\"dtype\":{\"type\":\"DT_FLOAT\"},\"shape\":{\"shape\":"
                + dims(shape) + "}}}");
        inputs.add(name);
        return name;
    }

    String constant(String name, long[] shape, float[] data) {
        return constant(name, shape, data, "float32", null);
    }

    /** A float32 constant stored with TFJS quantization: "float16", "uint8" or "uint16" (scale/min computed here). */
    String constant(String name, long[] shape, float[] data, String dtype, String quantization) {
        String quant = "";
        if (quantization == null) {
            ByteBuffer b = ByteBuffer.allocate(4 * data.length).order(ByteOrder.LITTLE_ENDIAN);
            if (dtype.equals("int32")) {
                for (float v : data) {
                    b.putInt((int) v);
                }
            } else {
                b.asFloatBuffer().put(data);
            }
            bin.writeBytes(b.array());
        } else if (quantization.equals("float16")) {
            ByteBuffer b = ByteBuffer.allocate(2 * data.length).order(ByteOrder.LITTLE_ENDIAN);
            for (float v : data) {
                b.putShort(toHalf(v));
            }
            bin.writeBytes(b.array());
            quant = ",\"quantization\":{\"dtype\":\"float16\",\"original_dtype\":\"float32\"}";
        } else {
            float min = Float.MAX_VALUE;
            float max = -Float.MAX_VALUE;
            for (float v : data) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            boolean wide = quantization.equals("uint16");
            int levels = wide ? 65535 : 255;
            float scale = (max - min) / levels;
            ByteBuffer b = ByteBuffer.allocate((wide ? 2 : 1) * data.length).order(ByteOrder.LITTLE_ENDIAN);
            for (float v : data) {
                int q = Math.round((v - min) / scale);
                if (wide) {
                    b.putShort((short) q);
                } else {
                    b.put((byte) q);
                }
            }
            bin.writeBytes(b.array());
            quant = ",\"quantization\":{\"dtype\":\"" + quantization + "\",\"scale\":" + scale + ",\"min\":" + min + ",\"original_dtype\":\"float32\"}";
        }
        String tfType = dtype.equals("int32") ? "DT_INT32" : "DT_FLOAT";
        nodes.add("{\"name\":\"" + name + "\",\"op\":\"Const\",\"attr\":{\"dtype\":{\"type\":\"" + tfType + "\"},\"value\":{\"tensor\":{\"dtype\":\""
                + tfType + "\",\"tensorShape\":" + dims(shape) + "}}}}");
        weights.add("{\"name\":\"" + name + "\",\"shape\":" + jsonArray(shape) + ",\"dtype\":\"" + dtype + "\"" + quant + "}");
        return name;
    }

    String intConstant(String name, long... values) {
        float[] data = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            data[i] = values[i];
        }
        return constant(name, new long[] {values.length}, data, "int32", null);
    }

    /** A compute node; {@code attrs} are JSON members (see the static helpers), T = DT_FLOAT is added. */
    String op(String name, String op, List<String> in, String... attrs) {
        StringJoiner a = new StringJoiner(",", "{", "}");
        a.add("\"T\":{\"type\":\"DT_FLOAT\"}");
        for (String s : attrs) {
            a.add(s);
        }
        StringJoiner ins = new StringJoiner(",", "[", "]");
        in.forEach(s -> ins.add("\"" + s + "\""));
        nodes.add("{\"name\":\"" + name + "\",\"op\":\"" + op + "\",\"input\":" + ins + ",\"attr\":" + a + "}");
        return name;
    }

    byte[] json(String... outputs) {
        StringJoiner sigIn = new StringJoiner(",", "{", "}");
        inputs.forEach(s -> sigIn.add("\"" + s + "\":{\"name\":\"" + s + ":0\",\"dtype\":\"DT_FLOAT\"}"));
        StringJoiner sigOut = new StringJoiner(",", "{", "}");
        for (String s : outputs) {
            sigOut.add("\"" + s + "\":{\"name\":\"" + s + ":0\",\"dtype\":\"DT_FLOAT\"}");
        }
        String doc = "{\"format\":\"graph-model\",\"generatedBy\":\"face4j test\",\"convertedBy\":null,"
                + "\"signature\":{\"inputs\":" + sigIn + ",\"outputs\":" + sigOut + "},"
                + "\"modelTopology\":{\"node\":[" + String.join(",", nodes) + "],\"library\":{},\"versions\":{\"producer\":1}},"
                + "\"weightsManifest\":[{\"paths\":[\"" + SHARD + "\"],\"weights\":[" + String.join(",", weights) + "]}]}";
        return doc.getBytes(StandardCharsets.UTF_8);
    }

    byte[] bin() {
        return bin.toByteArray();
    }

    /** The shard reader for {@link #bin()}. */
    TfjsImporter.ShardReader shards() {
        byte[] b = bin();
        return path -> path.equals(SHARD) ? b : null;
    }

    // ------------------------------------------------------------------------------------------- attribute JSON

    static String ints(String key, long... v) {
        StringJoiner j = new StringJoiner(",", "[", "]");
        for (long x : v) {
            j.add("\"" + x + "\"");
        }
        return "\"" + key + "\":{\"list\":{\"i\":" + j + "}}";
    }

    static String str(String key, String value) {
        return "\"" + key + "\":{\"s\":\"" + b64(value) + "\"}";
    }

    static String strs(String key, String... values) {
        StringJoiner j = new StringJoiner(",", "[", "]");
        for (String v : values) {
            j.add("\"" + b64(v) + "\"");
        }
        return "\"" + key + "\":{\"list\":{\"s\":" + j + "}}";
    }

    static String integer(String key, long v) {
        return "\"" + key + "\":{\"i\":\"" + v + "\"}";
    }

    static String bool(String key, boolean v) {
        return "\"" + key + "\":{\"b\":" + v + "}";
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String dims(long[] shape) {
        StringJoiner j = new StringJoiner(",", "{\"dim\":[", "]}");
        for (long d : shape) {
            j.add("{\"size\":\"" + d + "\"}");
        }
        return j.toString();
    }

    /** float32 to IEEE binary16, round to nearest even (test data stays in the normal range). */
    static short toHalf(float f) {
        int bits = Float.floatToIntBits(f);
        int sign = (bits >>> 16) & 0x8000;
        int exp = ((bits >>> 23) & 0xff) - 127 + 15;
        int mant = bits & 0x7fffff;
        if (f == 0f) {
            return (short) sign;
        }
        if (exp <= 0 || exp >= 31) {
            throw new IllegalArgumentException("value outside the float16 normal range: " + f);
        }
        int half = sign | (exp << 10) | (mant >>> 13);
        int rest = mant & 0x1fff;
        if (rest > 0x1000 || (rest == 0x1000 && (half & 1) == 1)) {
            half++;
        }
        return (short) half;
    }

    private static String jsonArray(long[] v) {
        StringJoiner j = new StringJoiner(",", "[", "]");
        for (long x : v) {
            j.add(Long.toString(x));
        }
        return j.toString();
    }
}
