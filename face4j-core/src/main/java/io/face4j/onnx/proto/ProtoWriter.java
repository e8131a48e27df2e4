package io.face4j.onnx.proto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A minimal protocol-buffers encoder (wire format as documented for protobuf: tag = field number << 3 | wire type;
 * varint = 7 bits per byte, low group first, high bit set on all but the last byte; wire types 0 varint, 2
 * length-delimited, 5 fixed 32-bit). Nested messages are written to their own writer and appended length-prefixed.
 * Not thread-safe: one writer per message being built.
 */
public final class ProtoWriter {
    private static final int VARINT = 0;
    private static final int LENGTH_DELIMITED = 2;
    private static final int FIXED32 = 5;

    private byte[] bytes = new byte[64];
    private int size;

    public int size() {
        return size;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    /** Appends a raw varint (two's complement for negative values, i.e. always 10 bytes for them, as protobuf int64). */
    public ProtoWriter varint(long value) {
        ensure(10);
        while ((value & ~0x7fL) != 0) {
            bytes[size++] = (byte) ((value & 0x7f) | 0x80);
            value >>>= 7;
        }
        bytes[size++] = (byte) value;
        return this;
    }

    private ProtoWriter tag(int field, int wireType) {
        if (field < 1 || field > (1 << 29) - 1) {
            throw new IllegalArgumentException("field number " + field + " is outside 1..2^29-1");
        }
        return varint(((long) field << 3) | wireType);
    }

    /** An int32/int64/enum/bool field (varint). */
    public ProtoWriter int64(int field, long value) {
        return tag(field, VARINT).varint(value);
    }

    public ProtoWriter float32(int field, float value) {
        tag(field, FIXED32);
        ensure(4);
        int bits = Float.floatToRawIntBits(value);
        for (int i = 0; i < 4; i++) {
            bytes[size++] = (byte) (bits >>> (8 * i));
        }
        return this;
    }

    public ProtoWriter string(int field, String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    public ProtoWriter bytes(int field, byte[] value) {
        return bytes(field, value, 0, value.length);
    }

    public ProtoWriter bytes(int field, byte[] value, int offset, int length) {
        tag(field, LENGTH_DELIMITED).varint(length);
        ensure(length);
        System.arraycopy(value, offset, bytes, size, length);
        size += length;
        return this;
    }

    public ProtoWriter message(int field, ProtoWriter message) {
        return bytes(field, message.bytes, 0, message.size);
    }

    /** A packed repeated int64 field. */
    public ProtoWriter packedInt64(int field, long[] values) {
        ProtoWriter packed = new ProtoWriter();
        for (long v : values) {
            packed.varint(v);
        }
        return message(field, packed);
    }

    /** A packed repeated float field. */
    public ProtoWriter packedFloat(int field, float[] values) {
        tag(field, LENGTH_DELIMITED).varint(4L * values.length);
        ensure(4 * values.length);
        for (float v : values) {
            int bits = Float.floatToRawIntBits(v);
            bytes[size++] = (byte) bits;
            bytes[size++] = (byte) (bits >>> 8);
            bytes[size++] = (byte) (bits >>> 16);
            bytes[size++] = (byte) (bits >>> 24);
        }
        return this;
    }

    private void ensure(int more) {
        long needed = (long) size + more;
        if (needed > bytes.length) {
            if (needed > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("protobuf message larger than 2 GB");
            }
            bytes = Arrays.copyOf(bytes, (int) Math.max(needed, Math.min(Integer.MAX_VALUE - 8L, 2L * bytes.length)));
        }
    }
}
