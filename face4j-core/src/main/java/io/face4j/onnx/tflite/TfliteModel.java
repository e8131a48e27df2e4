package io.face4j.onnx.tflite;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.face4j.onnx.ModelException;

/**
 * The main subgraph of a TFLite flatbuffer, read into plain values. Field ids follow TensorFlow's public
 * {@code tensorflow/lite/schema/schema.fbs} (tables Model, OperatorCode, SubGraph, Tensor, Operator, Buffer).
 * Immutable after {@link #read}; thread-safe.
 */
public final class TfliteModel {
    /** TensorType enum values from schema.fbs. */
    static final int FLOAT32 = 0, FLOAT16 = 1, INT32 = 2, UINT8 = 3, INT64 = 4, BOOL = 6, INT8 = 9;

    /** A tensor of the subgraph; {@code data} is null for activations, the raw little-endian bytes for constants. */
    record Tensor(int index, String name, int[] shape, int type, byte[] data) {
        boolean isConstant() {
            return data != null;
        }

        String describe() {
            return "tensor " + index + " '" + name + "' " + Arrays.toString(shape);
        }
    }

    /** One operator: its builtin code, tensor indices (-1 = optional input omitted) and options table (may be null). */
    record Operator(int index, int builtin, String customCode, int[] inputs, int[] outputs, FlatTable options) {
        String describe() {
            return "operator " + index + " (" + BuiltinNames.of(builtin) + ", builtin code " + builtin + ")";
        }
    }

    final String source;
    final List<Tensor> tensors;
    final List<Operator> operators;
    final int[] inputs;
    final int[] outputs;

    private TfliteModel(String source, List<Tensor> tensors, List<Operator> operators, int[] inputs, int[] outputs) {
        this.source = source;
        this.tensors = tensors;
        this.operators = operators;
        this.inputs = inputs;
        this.outputs = outputs;
    }

    static TfliteModel read(byte[] bytes, String source) {
        if (bytes.length < 8) {
            throw new ModelException(source + ": not a TFLite file: " + bytes.length + " bytes is too short (truncated?)");
        }
        // bytes 4..7 hold the file identifier "TFL3" (schema.fbs: file_identifier).
        if (bytes[4] != 'T' || bytes[5] != 'F' || bytes[6] != 'L' || bytes[7] != '3') {
            throw new ModelException(source + ": not a TFLite file: the file identifier at offset 4 is not 'TFL3'");
        }
        FlatTable model = FlatTable.root(bytes, source);
        // Model: 0 version, 1 operator_codes, 2 subgraphs, 3 description, 4 buffers
        FlatTable[] codes = model.tables(1);
        FlatTable[] subgraphs = model.tables(2);
        FlatTable[] buffers = model.tables(4);
        if (subgraphs.length == 0) {
            throw new ModelException(source + ": the TFLite model has no subgraph");
        }
        int[] builtins = new int[codes.length];
        String[] customs = new String[codes.length];
        for (int i = 0; i < codes.length; i++) {
            // OperatorCode: 0 deprecated_builtin_code (byte), 1 custom_code, 2 version, 3 builtin_code (int, newer files).
            // Newer writers fill both; the larger of the two is the real code (codes >= 127 only fit the int field).
            int small = codes[i].getByte(0, 0);
            int large = codes[i].getInt(3, 0);
            builtins[i] = Math.max(small, large);
            customs[i] = codes[i].string(1);
        }
        FlatTable graph = subgraphs[0];
        // SubGraph: 0 tensors, 1 inputs, 2 outputs, 3 operators, 4 name
        FlatTable[] tensorTables = graph.tables(0);
        List<Tensor> tensors = new ArrayList<>(tensorTables.length);
        for (int i = 0; i < tensorTables.length; i++) {
            FlatTable t = tensorTables[i];
            // Tensor: 0 shape, 1 type, 2 buffer, 3 name, 4 quantization, 5 is_variable, 6 sparsity, 7 shape_signature
            int[] shape = t.intVector(0);
            int type = t.getByte(1, FLOAT32);
            int bufferIndex = t.getInt(2, 0);
            String name = t.string(3);
            byte[] data = null;
            if (bufferIndex != 0) {
                if (bufferIndex < 0 || bufferIndex >= buffers.length) {
                    throw FlatTable.corrupt(source, t.offset(), "tensor " + i + " refers to buffer " + bufferIndex + " of " + buffers.length);
                }
                data = bufferBytes(buffers[bufferIndex], bytes, source);
                if (data != null && data.length == 0) {
                    data = null;
                }
            }
            tensors.add(new Tensor(i, name == null ? "tensor_" + i : name, shape == null ? new int[0] : shape, type, data));
        }
        FlatTable[] opTables = graph.tables(3);
        List<Operator> operators = new ArrayList<>(opTables.length);
        for (int i = 0; i < opTables.length; i++) {
            FlatTable op = opTables[i];
            // Operator: 0 opcode_index, 1 inputs, 2 outputs, 3 builtin_options_type, 4 builtin_options
            int opcode = op.getInt(0, 0);
            if (opcode < 0 || opcode >= builtins.length) {
                throw FlatTable.corrupt(source, op.offset(), "operator " + i + " uses opcode index " + opcode + " of " + builtins.length);
            }
            int[] in = orEmpty(op.intVector(1));
            int[] out = orEmpty(op.intVector(2));
            for (int t : in) {
                checkTensorIndex(source, op, i, t, tensors.size(), true);
            }
            for (int t : out) {
                checkTensorIndex(source, op, i, t, tensors.size(), false);
            }
            operators.add(new Operator(i, builtins[opcode], customs[opcode], in, out, op.table(4)));
        }
        int[] inputs = orEmpty(graph.intVector(1));
        int[] outputs = orEmpty(graph.intVector(2));
        for (int t : inputs) {
            checkTensorIndex(source, graph, -1, t, tensors.size(), false);
        }
        for (int t : outputs) {
            checkTensorIndex(source, graph, -1, t, tensors.size(), false);
        }
        return new TfliteModel(source, List.copyOf(tensors), List.copyOf(operators), inputs, outputs);
    }

    private static byte[] bufferBytes(FlatTable buffer, byte[] bytes, String source) {
        // Buffer: 0 data, 1 offset, 2 size (offset/size are used by files larger than 2 GB, data stored after the flatbuffer)
        int[] span = buffer.byteVectorSpan(0);
        if (span != null) {
            return Arrays.copyOfRange(bytes, span[0], span[0] + span[1]);
        }
        long offset = buffer.getLong(1, 0);
        long size = buffer.getLong(2, 0);
        if (offset > 1 && size > 0) {
            if (offset + size > bytes.length) {
                throw FlatTable.corrupt(source, buffer.offset(), "buffer data [" + offset + ", " + (offset + size) + ") lies past the end of the file");
            }
            return Arrays.copyOfRange(bytes, (int) offset, (int) (offset + size));
        }
        return null;
    }

    private static void checkTensorIndex(String source, FlatTable where, int op, int t, int count, boolean optional) {
        if ((optional && t == -1) || (t >= 0 && t < count)) {
            return;
        }
        throw FlatTable.corrupt(source, where.offset(), (op >= 0 ? "operator " + op : "subgraph") + " refers to tensor " + t + " of " + count);
    }

    private static int[] orEmpty(int[] v) {
        return v == null ? new int[0] : v;
    }

    Tensor tensor(int index) {
        return tensors.get(index);
    }

    /** Constant tensor values as floats (FLOAT32 or FLOAT16 data). */
    static float[] floats(Tensor t) {
        ByteBuffer b = ByteBuffer.wrap(t.data()).order(ByteOrder.LITTLE_ENDIAN);
        if (t.type() == FLOAT32) {
            float[] out = new float[t.data().length / 4];
            b.asFloatBuffer().get(out);
            return out;
        }
        if (t.type() == FLOAT16) {
            float[] out = new float[t.data().length / 2];
            for (int i = 0; i < out.length; i++) {
                out[i] = halfToFloat(b.getShort(2 * i));
            }
            return out;
        }
        throw new ModelException("constant " + t.describe() + " has type " + t.type() + ", expected a float type");
    }

    /** Constant tensor values as ints (INT32 or INT64 data). */
    static long[] ints(Tensor t) {
        ByteBuffer b = ByteBuffer.wrap(t.data()).order(ByteOrder.LITTLE_ENDIAN);
        if (t.type() == INT32) {
            long[] out = new long[t.data().length / 4];
            for (int i = 0; i < out.length; i++) {
                out[i] = b.getInt(4 * i);
            }
            return out;
        }
        if (t.type() == INT64) {
            long[] out = new long[t.data().length / 8];
            for (int i = 0; i < out.length; i++) {
                out[i] = b.getLong(8 * i);
            }
            return out;
        }
        throw new ModelException("constant " + t.describe() + " has type " + t.type() + ", expected an integer type");
    }

    /** IEEE 754 binary16 to float (Float.float16ToFloat arrives only in Java 20). */
    static float halfToFloat(short half) {
        int h = half & 0xffff;
        int sign = (h & 0x8000) << 16;
        int exponent = (h >>> 10) & 0x1f;
        int mantissa = h & 0x3ff;
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            // subnormal: mantissa * 2^-24
            float value = mantissa * 0x1p-24f;
            return sign == 0 ? value : -value;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }
}
