package io.face4j.onnx.proto;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds an ONNX ModelProto with one graph. Field numbers are those of the public {@code onnx/onnx.proto}
 * (ModelProto, GraphProto, NodeProto, AttributeProto, TensorProto, ValueInfoProto, TypeProto, TensorShapeProto).
 * Not thread-safe: build one graph per thread.
 */
public final class OnnxGraph {
    /** TensorProto.DataType values from onnx.proto. */
    public static final int FLOAT = 1, UINT8 = 2, INT8 = 3, INT32 = 6, INT64 = 7, BOOL = 9, FLOAT16 = 10;

    /** IR version 8 is the one that goes with opset 17 (onnx/docs/Versioning.md). */
    private static final long IR_VERSION = 8;

    /** One node attribute; build with the static factories. */
    public record Attr(String name, ProtoWriter encoded) {
        // AttributeProto: 1 name, 2 f, 3 i, 4 s, 7 floats, 8 ints, 20 type (1 FLOAT, 2 INT, 3 STRING, 6 FLOATS, 7 INTS)
        public static Attr f(String name, float value) {
            return new Attr(name, new ProtoWriter().string(1, name).float32(2, value).int64(20, 1));
        }

        public static Attr i(String name, long value) {
            return new Attr(name, new ProtoWriter().string(1, name).int64(3, value).int64(20, 2));
        }

        public static Attr s(String name, String value) {
            return new Attr(name, new ProtoWriter().string(1, name).string(4, value).int64(20, 3));
        }

        public static Attr ints(String name, long... values) {
            ProtoWriter w = new ProtoWriter().string(1, name);
            for (long v : values) {
                w.int64(8, v);
            }
            return new Attr(name, w.int64(20, 7));
        }
    }

    private final String name;
    private final List<ProtoWriter> nodes = new ArrayList<>();
    private final List<ProtoWriter> initializers = new ArrayList<>();
    private final List<ProtoWriter> inputs = new ArrayList<>();
    private final List<ProtoWriter> outputs = new ArrayList<>();
    private int nodeCount;

    public OnnxGraph(String name) {
        this.name = name;
    }

    public int nodeCount() {
        return nodeCount;
    }

    /** Adds a node; NodeProto: 1 input, 2 output, 3 name, 4 op_type, 5 attribute. */
    public void node(String opType, List<String> in, List<String> out, Attr... attrs) {
        ProtoWriter w = new ProtoWriter();
        for (String s : in) {
            w.string(1, s);
        }
        for (String s : out) {
            w.string(2, s);
        }
        w.string(3, opType + "_" + nodeCount++);
        w.string(4, opType);
        for (Attr a : attrs) {
            w.message(5, a.encoded());
        }
        nodes.add(w);
    }

    /** TensorProto: 1 dims, 2 data_type, 8 name, 9 raw_data (little-endian). */
    public void initializer(String tensorName, int dataType, long[] dims, byte[] raw) {
        ProtoWriter w = new ProtoWriter();
        for (long d : dims) {
            w.int64(1, d);
        }
        w.int64(2, dataType);
        w.string(8, tensorName);
        w.bytes(9, raw);
        initializers.add(w);
    }

    public void floatInitializer(String tensorName, long[] dims, float[] values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        initializer(tensorName, FLOAT, dims, b.array());
    }

    public void int64Initializer(String tensorName, long[] dims, long[] values) {
        ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asLongBuffer().put(values);
        initializer(tensorName, INT64, dims, b.array());
    }

    /** A graph input; each dimension is a Long (fixed), a String (symbolic name) or null (unknown). */
    public void input(String valueName, int elemType, Object... dims) {
        inputs.add(valueInfo(valueName, elemType, dims));
    }

    public void output(String valueName, int elemType, Object... dims) {
        outputs.add(valueInfo(valueName, elemType, dims));
    }

    // ValueInfoProto: 1 name, 2 type; TypeProto: 1 tensor_type; TypeProto.Tensor: 1 elem_type, 2 shape;
    // TensorShapeProto: 1 dim; Dimension: 1 dim_value, 2 dim_param.
    private static ProtoWriter valueInfo(String valueName, int elemType, Object[] dims) {
        ProtoWriter shape = new ProtoWriter();
        for (Object d : dims) {
            ProtoWriter dim = new ProtoWriter();
            if (d instanceof Number n) {
                dim.int64(1, n.longValue());
            } else if (d instanceof String s) {
                dim.string(2, s);
            } else if (d != null) {
                throw new IllegalArgumentException("dims: expected Long, String or null, got " + d.getClass().getName());
            }
            shape.message(1, dim);
        }
        ProtoWriter tensorType = new ProtoWriter().int64(1, elemType).message(2, shape);
        ProtoWriter type = new ProtoWriter().message(1, tensorType);
        return new ProtoWriter().string(1, valueName).message(2, type);
    }

    /**
     * The serialized ModelProto: 1 ir_version, 2 producer_name, 3 producer_version, 6 doc_string, 7 graph,
     * 8 opset_import (OperatorSetIdProto: 1 domain, 2 version). GraphProto: 1 node, 2 name, 5 initializer,
     * 10 doc_string, 11 input, 12 output.
     */
    public byte[] toModel(String producer, String docString, int opset) {
        ProtoWriter graph = new ProtoWriter();
        for (ProtoWriter n : nodes) {
            graph.message(1, n);
        }
        graph.string(2, name);
        for (ProtoWriter t : initializers) {
            graph.message(5, t);
        }
        if (docString != null) {
            graph.string(10, docString);
        }
        for (ProtoWriter v : inputs) {
            graph.message(11, v);
        }
        for (ProtoWriter v : outputs) {
            graph.message(12, v);
        }
        ProtoWriter model = new ProtoWriter();
        model.int64(1, IR_VERSION);
        model.string(2, producer);
        model.string(3, "0.1");
        model.message(7, graph);
        model.message(8, new ProtoWriter().string(1, "").int64(2, opset));
        return model.toByteArray();
    }
}
