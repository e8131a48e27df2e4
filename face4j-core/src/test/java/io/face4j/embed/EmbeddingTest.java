package io.face4j.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EmbeddingTest {

    @Test
    void valuesAreCopiedInAndOut() {
        float[] values = {3, 4};
        Embedding e = new Embedding(values, "m");
        values[0] = 100;
        assertEquals(3f, e.get(0));
        e.values()[1] = 100;
        assertEquals(4f, e.get(1));
    }

    @Test
    void cosineAndSquaredL2() {
        Embedding a = new Embedding(new float[] {3, 4}, "m");
        Embedding b = new Embedding(new float[] {4, 3}, "m");
        assertEquals(24.0 / 25, a.cosine(b), 1e-9);
        assertEquals(2, a.squaredL2(b), 1e-9);
        Embedding ua = a.normalized();
        Embedding ub = b.normalized();
        assertTrue(ua.isNormalized());
        assertEquals(0.6, ua.get(0), 1e-6);
        // for unit vectors the recipe's distance is 2 - 2 cos
        assertEquals(2 - 2 * ua.cosine(ub), ua.squaredL2(ub), 1e-6);
        assertSame(ua, ua.normalized());
    }

    @Test
    void refusesOtherModelsAndDimensions() {
        Embedding a = new Embedding(new float[] {1, 0}, "mobilefacenet-192");
        IllegalArgumentException model = assertThrows(IllegalArgumentException.class,
                () -> a.cosine(new Embedding(new float[] {1, 0}, "arcface-r50")));
        assertTrue(model.getMessage().contains("mobilefacenet-192") && model.getMessage().contains("arcface-r50"), model.getMessage());
        IllegalArgumentException dimension = assertThrows(IllegalArgumentException.class,
                () -> a.squaredL2(new Embedding(new float[] {1, 0, 0}, "mobilefacenet-192")));
        assertTrue(dimension.getMessage().contains("2 and 3"), dimension.getMessage());
    }

    @Test
    void validatesAndComparesByValue() {
        assertThrows(IllegalArgumentException.class, () -> new Embedding(new float[0], "m"));
        assertThrows(IllegalArgumentException.class, () -> new Embedding(new float[] {Float.NaN}, "m"));
        assertThrows(IllegalArgumentException.class, () -> new Embedding(new float[] {1}, " "));
        assertEquals(new Embedding(new float[] {1, 2}, "m"), new Embedding(new float[] {1, 2}, "m"));
        assertEquals(new Embedding(new float[] {1, 2}, "m").hashCode(), new Embedding(new float[] {1, 2}, "m").hashCode());
        assertNotEquals(new Embedding(new float[] {1, 2}, "m"), new Embedding(new float[] {1, 2}, "n"));
    }
}
