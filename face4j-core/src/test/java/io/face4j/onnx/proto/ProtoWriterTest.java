package io.face4j.onnx.proto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Byte-exact checks of the protobuf encoder against the wire format's published examples and edge cases. */
class ProtoWriterTest {

    private static byte[] bytes(int... v) {
        byte[] out = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (byte) v[i];
        }
        return out;
    }

    @Test
    void varintEdgeCases() {
        assertArrayEquals(bytes(0x00), new ProtoWriter().varint(0).toByteArray());
        assertArrayEquals(bytes(0x7f), new ProtoWriter().varint(127).toByteArray());
        assertArrayEquals(bytes(0x80, 0x01), new ProtoWriter().varint(128).toByteArray());
        // 150 = 0x96 0x01 is the protobuf encoding guide's example
        assertArrayEquals(bytes(0x96, 0x01), new ProtoWriter().varint(150).toByteArray());
        assertArrayEquals(bytes(0xff, 0xff, 0x03), new ProtoWriter().varint(65535).toByteArray());
        assertArrayEquals(bytes(0xff, 0xff, 0xff, 0xff, 0x07), new ProtoWriter().varint(Integer.MAX_VALUE).toByteArray());
        // negative int64 values take ten bytes (two's complement, no zigzag)
        assertArrayEquals(bytes(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01), new ProtoWriter().varint(-1).toByteArray());
        assertArrayEquals(bytes(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f), new ProtoWriter().varint(Long.MAX_VALUE).toByteArray());
        assertArrayEquals(bytes(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01), new ProtoWriter().varint(Long.MIN_VALUE).toByteArray());
    }

    @Test
    void fieldsAndTags() {
        // field 1 varint 150: 08 96 01 (the encoding guide's "Test1" message)
        assertArrayEquals(bytes(0x08, 0x96, 0x01), new ProtoWriter().int64(1, 150).toByteArray());
        // field 2 string "testing": 12 07 74 65 73 74 69 6e 67
        assertArrayEquals(bytes(0x12, 0x07, 't', 'e', 's', 't', 'i', 'n', 'g'), new ProtoWriter().string(2, "testing").toByteArray());
        // field 3 embedded message {1: 150}: 1a 03 08 96 01
        assertArrayEquals(bytes(0x1a, 0x03, 0x08, 0x96, 0x01), new ProtoWriter().message(3, new ProtoWriter().int64(1, 150)).toByteArray());
        // field 2 float 1.0f (0x3f800000, little-endian): 15 00 00 80 3f
        assertArrayEquals(bytes(0x15, 0x00, 0x00, 0x80, 0x3f), new ProtoWriter().float32(2, 1f).toByteArray());
        // field 16 needs a two-byte tag: (16 << 3 | 0) = 128 -> 80 01
        assertArrayEquals(bytes(0x80, 0x01, 0x05), new ProtoWriter().int64(16, 5).toByteArray());
        // packed repeated 3, 270, 86942 in field 4: 22 06 03 8e 02 9e a7 05 (the guide's packed example)
        assertArrayEquals(bytes(0x22, 0x06, 0x03, 0x8e, 0x02, 0x9e, 0xa7, 0x05),
                new ProtoWriter().packedInt64(4, new long[] {3, 270, 86942}).toByteArray());
        assertArrayEquals(bytes(0x0a, 0x00), new ProtoWriter().bytes(1, new byte[0]).toByteArray());
    }

    @Test
    void largeBytesGrowTheBuffer() {
        byte[] big = new byte[300_000];
        big[299_999] = 42;
        byte[] out = new ProtoWriter().bytes(9, big).toByteArray();
        // tag 0x4a, length 300000 = 0xe0 0xa7 0x12
        assertArrayEquals(bytes(0x4a, 0xe0, 0xa7, 0x12), java.util.Arrays.copyOf(out, 4));
        assertArrayEquals(new byte[] {42}, java.util.Arrays.copyOfRange(out, out.length - 1, out.length));
    }

    @Test
    void rejectsInvalidFieldNumbers() {
        assertThrows(IllegalArgumentException.class, () -> new ProtoWriter().int64(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new ProtoWriter().int64(1 << 29, 1));
    }
}
