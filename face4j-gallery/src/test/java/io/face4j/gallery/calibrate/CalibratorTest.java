package io.face4j.gallery.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.face4j.gallery.DecisionPolicy;
import io.face4j.gallery.Gallery;
import io.face4j.gallery.GalleryScores;
import io.face4j.gallery.Matcher;
import io.face4j.gallery.MatchOptions;
import io.face4j.gallery.NewTemplate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibratorTest {
    private static final DecisionPolicy NEAREST = DecisionPolicy.nearestTemplate();

    @TempDir
    Path dir;

    @Test
    void thresholdIsTheInterpolatedImpostorQuantile() {
        // impostors 0, 1/n, ..., 1: the (1 - FAR)-quantile is exactly 1 - FAR
        int n = 20_001;
        double[] impostor = new double[n];
        for (int i = 0; i < n; i++) {
            impostor[i] = (double) ((i * 7919L) % n) / (n - 1);
        }
        Calibration calibration = Calibrator.fromScores("m", NEAREST, new double[] {0.9995, 0.5}, impostor, 1e-3);
        assertEquals(0.999, calibration.threshold(), 1e-12);
        assertEquals(21.0 / n, calibration.achievedFar(), 1e-12);
        assertEquals(0.5, calibration.genuineAcceptRate());
        assertTrue(calibration.warning().isEmpty(), "20,001 >= 10 / 1e-3");
    }

    @Test
    void interpolatesBetweenOrderStatistics() {
        // n = 5, p = 0.9: h = 3.6, between 0.4 and 1.0: 0.4 + 0.6 * 0.6 = 0.76
        Calibration calibration = Calibrator.fromScores("m", NEAREST, new double[0],
                new double[] {1.0, 0.1, 0.4, 0.2, 0.3}, 0.1);
        assertEquals(0.76, calibration.threshold(), 1e-12);
        assertEquals(0.2, calibration.achievedFar(), 1e-12);
        assertTrue(Double.isNaN(calibration.genuineAcceptRate()));
    }

    @Test
    void gaussianImpostorsGiveTheNormalQuantile() {
        Random random = new Random(31);
        double[] impostor = new double[200_000];
        for (int i = 0; i < impostor.length; i++) {
            impostor[i] = 0.1 * random.nextGaussian();
        }
        // z(0.999) = 3.0902; with 200 scores above it the estimate is within a few percent
        Calibration calibration = Calibrator.fromScores("m", NEAREST, new double[0], impostor, 1e-3);
        assertEquals(0.30902, calibration.threshold(), 0.01);
        assertEquals(1e-3, calibration.achievedFar(), 1e-5);
    }

    @Test
    void tooFewImpostorsWarn() {
        double[] impostor = new Random(32).doubles(9_999).toArray();
        Calibration calibration = Calibrator.fromScores("m", NEAREST, new double[0], impostor, 1e-3);
        assertTrue(calibration.warning().orElseThrow().contains("only 9999 impostor scores"));
        assertFalse(Calibrator.fromScores("m", NEAREST, new double[0], new double[10_000], 1e-3)
                .warning().isPresent());
        assertThrows(IllegalArgumentException.class,
                () -> Calibrator.fromScores("m", NEAREST, new double[0], new double[0], 1e-3));
        assertThrows(IllegalArgumentException.class,
                () -> Calibrator.fromScores("m", NEAREST, new double[0], new double[10], 0));
    }

    @Test
    void labelledPairsSplitIntoGenuineAndImpostor() {
        List<LabelledScore> pairs = new ArrayList<>();
        for (int i = 0; i <= 100; i++) {
            pairs.add(new LabelledScore(i / 100.0 * 0.5, false));
            pairs.add(new LabelledScore(0.5 + i / 200.0, true));
        }
        Calibration calibration = Calibrator.fromPairs("m", NEAREST, pairs, 0.1);
        assertEquals(101, calibration.impostor().count());
        assertEquals(101, calibration.genuine().count());
        assertEquals(0.45, calibration.threshold(), 1e-12);
        assertEquals(1.0, calibration.genuineAcceptRate());
    }

    @Test
    void galleryScoresAreLeaveOneOutAndStoredThresholdIsUsed() {
        Random random = new Random(33);
        int dim = 64;
        try (Gallery gallery = Gallery.open(dir.resolve("g.db"))) {
            List<float[]> centres = new ArrayList<>();
            for (int p = 0; p < 40; p++) {
                float[] centre = unit(random, dim);
                centres.add(centre);
                List<NewTemplate> templates = new ArrayList<>();
                for (int t = 0; t < 3; t++) {
                    templates.add(NewTemplate.of(near(random, centre, 0.06), "m64"));
                }
                gallery.enrol("p" + p, templates);
            }
            gallery.enrol("single", List.of(NewTemplate.of(unit(random, dim), "m64")));
            GalleryScores scores = gallery.scores("m64", NEAREST, 10_000, 0);
            // 121 queries; genuine only for the 120 templates whose identity has another template
            assertEquals(120, scores.genuine().length);
            assertEquals(121 * 40, scores.impostor().length);
            for (double genuine : scores.genuine()) {
                assertTrue(genuine < 0.999, "a template never scores against itself");
            }

            Calibration calibration = Calibrator.fromGallery(gallery, "m64", NEAREST, 1e-3);
            assertTrue(calibration.warning().isPresent(), "4,840 impostor scores are fewer than 10 / 1e-3");
            assertTrue(calibration.genuine().mean() > 0.7 && calibration.impostor().mean() < 0.1,
                    calibration.genuine() + " " + calibration.impostor());
            assertEquals(1.0, calibration.genuineAcceptRate());
            Calibrator.store(gallery, calibration);
            assertEquals(calibration.threshold(), gallery.threshold("m64", NEAREST).orElseThrow());

            Matcher matcher = new Matcher(gallery);
            assertEquals("p7", matcher.decide("m64", near(random, centres.get(7), 0.06), MatchOptions.defaults())
                    .label());
            assertTrue(matcher.decide("m64", unit(random, dim), MatchOptions.defaults()).unknown());
        }
    }

    private static float[] unit(Random random, int dim) {
        float[] v = new float[dim];
        for (int i = 0; i < dim; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }

    private static float[] near(Random random, float[] centre, double noise) {
        double norm = 0;
        for (float c : centre) {
            norm += c * c;
        }
        float[] v = new float[centre.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (centre[i] / Math.sqrt(norm) + noise * random.nextGaussian());
        }
        return v;
    }
}
