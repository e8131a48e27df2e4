package io.face4j.gallery;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Embedding arithmetic and the float32 little-endian BLOB codec. Thread-safe (stateless). */
final class Vectors {
    // 1e-4: float32 embeddings that a model already normalised have norms within ~1e-6 of 1; anything further off
    // is renormalised so that dot products are cosine similarities.
    private static final double UNIT_TOLERANCE = 1e-4;

    private Vectors() {
    }

    /** A unit-length copy of {@code v}; refuses empty, non-finite and all-zero vectors naming {@code parameter}. */
    static float[] unitCopy(float[] v, String parameter) {
        if (v == null || v.length == 0) {
            throw new IllegalArgumentException(parameter + " must be a non-empty embedding");
        }
        double sumSquares = 0;
        for (int i = 0; i < v.length; i++) {
            if (!Float.isFinite(v[i])) {
                throw new IllegalArgumentException(parameter + " has a non-finite value " + v[i] + " at index " + i);
            }
            sumSquares += (double) v[i] * v[i];
        }
        if (sumSquares == 0) {
            throw new IllegalArgumentException(parameter + " is all zeros; it has no direction to compare");
        }
        double norm = Math.sqrt(sumSquares);
        float[] copy = v.clone();
        if (Math.abs(norm - 1) > UNIT_TOLERANCE) {
            for (int i = 0; i < copy.length; i++) {
                copy[i] = (float) (copy[i] / norm);
            }
        }
        return copy;
    }

    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    static byte[] toBytes(float[] v) {
        ByteBuffer buffer = ByteBuffer.allocate(v.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(v);
        return buffer.array();
    }

    static float[] fromBytes(byte[] bytes) {
        if (bytes.length % Float.BYTES != 0) {
            throw new GalleryException("embedding BLOB of " + bytes.length + " bytes is not a float32 array");
        }
        float[] v = new float[bytes.length / Float.BYTES];
        readInto(bytes, v, 0);
        return v;
    }

    /** Decodes a float32 LE BLOB into {@code target} starting at {@code offset}. */
    static void readInto(byte[] bytes, float[] target, int offset) {
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(target, offset, bytes.length / 4);
    }
}
