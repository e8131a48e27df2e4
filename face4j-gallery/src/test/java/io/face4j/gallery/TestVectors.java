package io.face4j.gallery;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded random embeddings for tests. */
final class TestVectors {
    static final String MODEL = "test-model-32";
    static final int DIM = 32;

    private TestVectors() {
    }

    /** A random unit vector (Gaussian direction). */
    static float[] unit(Random random, int dim) {
        float[] v = new float[dim];
        double norm = 0;
        for (int i = 0; i < dim; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        for (int i = 0; i < dim; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }

    /** A unit vector near {@code centre}: centre plus Gaussian noise of the given size per component, normalised. */
    static float[] near(Random random, float[] centre, double noise) {
        float[] v = new float[centre.length];
        double norm = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (centre[i] + noise * random.nextGaussian());
            norm += v[i] * v[i];
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }

    /** {@code count} templates of model {@link #MODEL} around a random centre; per-component noise 0.05 gives
     * cosines of about 0.96 to the centre in 32 dimensions, 0.3 about 0.5. */
    static List<NewTemplate> person(Random random, int count, double noise) {
        float[] centre = unit(random, DIM);
        List<NewTemplate> templates = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            templates.add(new NewTemplate(near(random, centre, noise), MODEL, 0.9, "photo-" + i + ".jpg"));
        }
        return templates;
    }

    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** A unit vector from explicit coordinates (padded with zeros to {@code dim}). */
    static float[] vector(int dim, double... coordinates) {
        float[] v = new float[dim];
        for (int i = 0; i < coordinates.length; i++) {
            v[i] = (float) coordinates[i];
        }
        return v;
    }
}
