package io.face4j.onnx.tflite;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import io.face4j.onnx.ModelException;

/**
 * A bounds-checked view of one flatbuffer table (the encoding documented with the flatbuffers library: a table starts
 * with a signed offset back to its vtable; the vtable holds the vtable size, the table size, then one 16-bit field
 * offset per field id, 0 meaning absent). Every read checks the bytes it touches so a corrupt or truncated file fails
 * with a {@link ModelException} naming the file and the offset. Immutable, thread-safe.
 */
final class FlatTable {
    private final ByteBuffer buf;
    private final String source;
    private final int table;
    private final int vtable;
    private final int vtableSize;

    private FlatTable(ByteBuffer buf, String source, int table) {
        this.buf = buf;
        this.source = source;
        this.table = table;
        check(buf, source, table, 4, "table");
        this.vtable = table - buf.getInt(table);
        check(buf, source, vtable, 4, "vtable");
        this.vtableSize = Short.toUnsignedInt(buf.getShort(vtable));
        if (vtableSize < 4 || (vtableSize & 1) != 0) {
            throw corrupt(source, vtable, "vtable size " + vtableSize + " is invalid");
        }
        check(buf, source, vtable, vtableSize, "vtable");
    }

    /** The root table of a flatbuffer file. */
    static FlatTable root(byte[] bytes, String source) {
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        check(buf, source, 0, 8, "file header");
        return new FlatTable(buf, source, buf.getInt(0));
    }

    String source() {
        return source;
    }

    int offset() {
        return table;
    }

    ByteBuffer buffer() {
        return buf;
    }

    /** Absolute position of field {@code id}, or -1 when the field is absent. */
    private int field(int id, int size) {
        int entry = 4 + 2 * id;
        if (entry + 2 > vtableSize) {
            return -1;
        }
        int rel = Short.toUnsignedInt(buf.getShort(vtable + entry));
        if (rel == 0) {
            return -1;
        }
        int pos = table + rel;
        check(buf, source, pos, size, "field " + id + " of table");
        return pos;
    }

    boolean has(int id) {
        return field(id, 0) >= 0;
    }

    int getInt(int id, int fallback) {
        int pos = field(id, 4);
        return pos < 0 ? fallback : buf.getInt(pos);
    }

    long getLong(int id, long fallback) {
        int pos = field(id, 8);
        return pos < 0 ? fallback : buf.getLong(pos);
    }

    float getFloat(int id, float fallback) {
        int pos = field(id, 4);
        return pos < 0 ? fallback : buf.getFloat(pos);
    }

    int getByte(int id, int fallback) {
        int pos = field(id, 1);
        return pos < 0 ? fallback : buf.get(pos);
    }

    boolean getBool(int id, boolean fallback) {
        int pos = field(id, 1);
        return pos < 0 ? fallback : buf.get(pos) != 0;
    }

    /** Follows the 32-bit unsigned offset stored at field {@code id}; -1 when absent. */
    private int indirect(int id) {
        int pos = field(id, 4);
        if (pos < 0) {
            return -1;
        }
        long target = pos + Integer.toUnsignedLong(buf.getInt(pos));
        if (target >= buf.limit()) {
            throw corrupt(source, pos, "reference points past the end of the file (" + target + " >= " + buf.limit() + ")");
        }
        return (int) target;
    }

    FlatTable table(int id) {
        int pos = indirect(id);
        return pos < 0 ? null : new FlatTable(buf, source, pos);
    }

    String string(int id) {
        int pos = indirect(id);
        if (pos < 0) {
            return null;
        }
        int length = vectorLength(pos, 1);
        byte[] bytes = new byte[length];
        buf.get(pos + 4, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Number of elements of the vector at field {@code id}, 0 when absent. */
    int vectorSize(int id, int elementSize) {
        int pos = indirect(id);
        return pos < 0 ? 0 : vectorLength(pos, elementSize);
    }

    int[] intVector(int id) {
        int pos = indirect(id);
        if (pos < 0) {
            return null;
        }
        int n = vectorLength(pos, 4);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = buf.getInt(pos + 4 + 4 * i);
        }
        return out;
    }

    float[] floatVector(int id) {
        int pos = indirect(id);
        if (pos < 0) {
            return null;
        }
        int n = vectorLength(pos, 4);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = buf.getFloat(pos + 4 + 4 * i);
        }
        return out;
    }

    /** Start (absolute position of element 0) of a byte vector, with its length; null when absent. */
    int[] byteVectorSpan(int id) {
        int pos = indirect(id);
        if (pos < 0) {
            return null;
        }
        return new int[] {pos + 4, vectorLength(pos, 1)};
    }

    /** The tables of the vector of tables at field {@code id}; empty when absent. */
    FlatTable[] tables(int id) {
        int pos = indirect(id);
        if (pos < 0) {
            return new FlatTable[0];
        }
        int n = vectorLength(pos, 4);
        FlatTable[] out = new FlatTable[n];
        for (int i = 0; i < n; i++) {
            int at = pos + 4 + 4 * i;
            long target = at + Integer.toUnsignedLong(buf.getInt(at));
            if (target >= buf.limit()) {
                throw corrupt(source, at, "table reference points past the end of the file");
            }
            out[i] = new FlatTable(buf, source, (int) target);
        }
        return out;
    }

    private int vectorLength(int pos, int elementSize) {
        check(buf, source, pos, 4, "vector length");
        long n = Integer.toUnsignedLong(buf.getInt(pos));
        if (pos + 4 + n * elementSize > buf.limit()) {
            throw corrupt(source, pos, "vector of " + n + " elements runs past the end of the file (" + buf.limit() + " bytes)");
        }
        return (int) n;
    }

    private static void check(ByteBuffer buf, String source, int pos, int size, String what) {
        if (pos < 0 || (long) pos + size > buf.limit()) {
            throw corrupt(source, pos, what + " of " + size + " bytes lies outside the file (" + buf.limit() + " bytes): truncated or corrupt");
        }
    }

    static ModelException corrupt(String source, int pos, String what) {
        return new ModelException(source + ": corrupt TFLite flatbuffer at offset " + pos + ": " + what);
    }
}
