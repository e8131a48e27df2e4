package io.face4j.gallery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The score-fusion policies: {@code fusion} (alpha * centroid + (1 - alpha) * nearest) and {@code top} (mean of the
 * m best template cosines), checked against scores computed by hand from the templates, and on a two-condition person
 * whose blurred mean loses to a tight impostor.
 */
class FusedScoresTest {
    @TempDir
    Path dir;

    private Gallery open() {
        return Gallery.open(GalleryOptions.defaults().withPath(dir.resolve("g.db"))
                .withNearDuplicateSimilarity(Double.POSITIVE_INFINITY));
    }

    private static List<NewTemplate> templates(List<float[]> vectors) {
        return vectors.stream().map(v -> new NewTemplate(v, TestVectors.MODEL, 1, "x")).toList();
    }

    private static double cosineToMean(List<float[]> members, float[] query) {
        double[] sum = new double[query.length];
        for (float[] m : members) {
            for (int d = 0; d < sum.length; d++) {
                sum[d] += m[d];
            }
        }
        double dot = 0;
        double squares = 0;
        for (int d = 0; d < sum.length; d++) {
            dot += sum[d] * query[d];
            squares += sum[d] * sum[d];
        }
        return dot / Math.sqrt(squares);
    }

    private static double[] sortedCosines(List<float[]> members, float[] query) {
        double[] s = members.stream().mapToDouble(m -> TestVectors.dot(m, query)).toArray();
        Arrays.sort(s);
        return s;
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void scoresAreTheFusedTemplateCosines(long seed) {
        Random random = new Random(seed);
        try (Gallery gallery = open()) {
            List<List<float[]>> people = new ArrayList<>();
            for (int p = 0; p < 3; p++) {
                List<float[]> members = new ArrayList<>();
                TestVectors.person(random, 2 + p, 0.2).forEach(t -> members.add(t.embedding()));
                people.add(members);
                gallery.enrol("P" + p, templates(members));
            }
            float[] query = TestVectors.unit(random, TestVectors.DIM);
            List<Candidate> fused = gallery.search(TestVectors.MODEL, query, new DecisionPolicy.Fusion(0.25), 3);
            List<Candidate> top2 = gallery.search(TestVectors.MODEL, query, new DecisionPolicy.TopMean(2), 3);
            List<Candidate> top9 = gallery.search(TestVectors.MODEL, query, new DecisionPolicy.TopMean(9), 3);
            assertEquals(3, fused.size());
            for (int p = 0; p < 3; p++) {
                String name = "P" + p;
                double[] s = sortedCosines(people.get(p), query);
                double expectedFused = 0.25 * cosineToMean(people.get(p), query) + 0.75 * s[s.length - 1];
                double expectedTop2 = (s[s.length - 1] + s[s.length - 2]) / 2;
                double expectedAll = Arrays.stream(s).average().orElseThrow();
                assertEquals(expectedFused, find(fused, name), 1e-5, "fusion " + name);
                assertEquals(expectedTop2, find(top2, name), 1e-5, "top-2 " + name);
                // fewer templates than m: the mean of all of them
                assertEquals(expectedAll, find(top9, name), 1e-5, "top-9 " + name);
            }
        }
    }

    private static double find(List<Candidate> candidates, String name) {
        return candidates.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().similarity();
    }

    @Test
    void aProbeInOneConditionFindsItsPersonWhereTheMeanFails() {
        Random random = new Random(21);
        float[] day = TestVectors.unit(random, TestVectors.DIM);
        float[] night = TestVectors.unit(random, TestVectors.DIM);
        try (Gallery gallery = open()) {
            List<float[]> ann = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                ann.add(TestVectors.near(random, day, 0.03));
                ann.add(TestVectors.near(random, night, 0.03));
            }
            gallery.enrol("Ann", templates(ann));
            // Bob's photos lie between Ann's night and a direction of his own: closer to a night probe than Ann's mean
            float[] own = TestVectors.unit(random, TestVectors.DIM);
            float[] bob = new float[TestVectors.DIM];
            for (int d = 0; d < bob.length; d++) {
                bob[d] = 0.8f * night[d] + 0.6f * own[d];
            }
            List<float[]> bobs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                bobs.add(TestVectors.near(random, bob, 0.03));
            }
            gallery.enrol("Bob", templates(bobs));
            float[] probe = TestVectors.near(random, night, 0.03);
            assertEquals("Bob", gallery.search(TestVectors.MODEL, probe, DecisionPolicy.centroid(), 1).get(0).name());
            for (DecisionPolicy policy : List.of(new DecisionPolicy.Fusion(0.5), new DecisionPolicy.TopMean(2))) {
                Candidate best = gallery.search(TestVectors.MODEL, probe, policy, 1).get(0);
                assertEquals("Ann", best.name(), policy.key());
            }
        }
    }

    @Test
    void leaveOneOutScoresLeaveTheQueryOut() {
        Random random = new Random(31);
        try (Gallery gallery = open()) {
            for (int p = 0; p < 4; p++) {
                gallery.enrol("P" + p, TestVectors.person(random, 3, 0.1));
            }
            GalleryScores top1 = gallery.scores(TestVectors.MODEL, new DecisionPolicy.TopMean(1), 100, 0);
            GalleryScores nearest = gallery.scores(TestVectors.MODEL, DecisionPolicy.nearestTemplate(), 100, 0);
            GalleryScores fusion1 = gallery.scores(TestVectors.MODEL, new DecisionPolicy.Fusion(1), 100, 0);
            GalleryScores centroid = gallery.scores(TestVectors.MODEL, DecisionPolicy.centroid(), 100, 0);
            assertEquals(12, top1.genuine().length);
            for (int i = 0; i < 12; i++) {
                // a query left in would score 1 against itself
                assertTrue(top1.genuine()[i] < 0.999, "genuine " + top1.genuine()[i]);
                assertEquals(nearest.genuine()[i], top1.genuine()[i], 1e-5);
                assertEquals(centroid.genuine()[i], fusion1.genuine()[i], 1e-5);
            }
        }
    }

    @Test
    void keysParseBackAndBadParametersAreRefused() {
        for (DecisionPolicy p : List.of(new DecisionPolicy.Fusion(0.5), new DecisionPolicy.TopMean(2))) {
            assertEquals(p, DecisionPolicy.parse(p.key()));
        }
        assertThrows(IllegalArgumentException.class, () -> new DecisionPolicy.Fusion(1.5));
        assertThrows(IllegalArgumentException.class, () -> new DecisionPolicy.Fusion(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new DecisionPolicy.TopMean(0));
        assertThrows(IllegalArgumentException.class, () -> DecisionPolicy.parse("top-x"));
    }
}
