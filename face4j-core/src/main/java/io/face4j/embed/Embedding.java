package io.face4j.embed;

import java.util.Arrays;
import java.util.Objects;

/**
 * A face embedding: the model's output vector and the id of the model that produced it. Embeddings from different
 * models are not comparable, so {@link #cosine} and {@link #squaredL2} refuse them. The array is copied in and out.
 * Immutable and thread-safe.
 */
public record Embedding(float[] values, String modelId) {

    public Embedding {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("values must not be null or empty");
        }
        if (modelId == null || modelId.isBlank()) {
            throw new IllegalArgumentException("modelId must not be blank");
        }
        for (float v : values) {
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("values must be finite, got " + v);
            }
        }
        values = values.clone();
    }

    /** A copy of the vector. */
    @Override
    public float[] values() {
        return values.clone();
    }

    public int dimension() {
        return values.length;
    }

    /** Component {@code i}, without copying the vector. */
    public float get(int i) {
        return values[i];
    }

    /** Euclidean norm. */
    public double norm() {
        double sum = 0;
        for (float v : values) {
            sum += (double) v * v;
        }
        return Math.sqrt(sum);
    }

    /** True when the norm is 1 within 1e-4 (float rounding). */
    public boolean isNormalized() {
        return Math.abs(norm() - 1) < 1e-4;
    }

    /** This vector scaled to unit length (this when it already is); a zero vector stays zero. */
    public Embedding normalized() {
        if (isNormalized()) {
            return this;
        }
        return new Embedding(unitLength(values), modelId);
    }

    /** Cosine similarity in [-1, 1]; 1 for the same direction. */
    public double cosine(Embedding other) {
        checkComparable(other);
        double dot = 0;
        double a = 0;
        double b = 0;
        for (int i = 0; i < values.length; i++) {
            dot += (double) values[i] * other.values[i];
            a += (double) values[i] * values[i];
            b += (double) other.values[i] * other.values[i];
        }
        if (a == 0 || b == 0) {
            return 0;
        }
        return dot / Math.sqrt(a * b);
    }

    /**
     * Squared Euclidean distance between the two vectors as they are. For unit vectors it is {@code 2 - 2 cosine},
     * in [0, 4]; the MobileFaceNet recipe compares it with a threshold (0.8 in its Android demo).
     */
    public double squaredL2(Embedding other) {
        checkComparable(other);
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            double d = (double) values[i] - other.values[i];
            sum += d * d;
        }
        return sum;
    }

    private void checkComparable(Embedding other) {
        if (other == null) {
            throw new IllegalArgumentException("other must not be null");
        }
        if (!modelId.equals(other.modelId)) {
            throw new IllegalArgumentException("cannot compare embeddings of different models: '" + modelId + "' and '"
                    + other.modelId + "'");
        }
        if (values.length != other.values.length) {
            throw new IllegalArgumentException("cannot compare embeddings of different dimension: " + values.length + " and "
                    + other.values.length + " (model '" + modelId + "')");
        }
    }

    static float[] unitLength(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        float[] out = v.clone();
        if (sum == 0) {
            return out;
        }
        double inv = 1 / Math.sqrt(sum);
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (out[i] * inv);
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Embedding e && modelId.equals(e.modelId) && Arrays.equals(values, e.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(modelId, Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "Embedding[" + modelId + ", dimension " + values.length + String.format(java.util.Locale.ROOT, ", norm %.4f]", norm());
    }
}
