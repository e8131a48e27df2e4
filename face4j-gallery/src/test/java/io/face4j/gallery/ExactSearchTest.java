package io.face4j.gallery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The pruned search ({@link ModelIndex#top}) returns what ranking the full float scan ({@link ModelIndex#score})
 * returns: the same identities in the same order with bit-identical similarities, for every policy, on random and
 * clustered galleries, with ties, and with k larger than the number of identities.
 */
class ExactSearchTest {
    private static final List<DecisionPolicy> POLICIES = List.of(DecisionPolicy.nearestTemplate(),
            DecisionPolicy.centroid(), DecisionPolicy.knnVote(1), DecisionPolicy.knnVote(3),
            DecisionPolicy.knnVote(10));
    private static final int[] KS = {1, 2, 5, 6, 40, 10_000};

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void randomGalleriesMatchTheFullScan(long seed) {
        Random random = new Random(seed);
        int dim = 8 + random.nextInt(200);
        ModelIndex index = new ModelIndex("m", dim, 16);
        int identities = 1 + random.nextInt(300);
        long templateId = 0;
        for (int p = 0; p < identities; p++) {
            for (int t = 1 + random.nextInt(4); t > 0; t--) {
                index.add(templateId++, "id" + p, "name" + p, TestVectors.unit(random, dim));
            }
        }
        for (int q = 0; q < 10; q++) {
            assertSameAsFullScan(index, TestVectors.unit(random, dim));
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23, 24, 25, 26, 27, 28})
    void clusteredGalleriesMatchTheFullScan(long seed) {
        Random random = new Random(seed);
        int dim = 192;
        ModelIndex index = new ModelIndex("m", dim, 16);
        List<float[]> centres = new ArrayList<>();
        long templateId = 0;
        for (int p = 0; p < 400; p++) {
            float[] centre = TestVectors.unit(random, dim);
            centres.add(centre);
            for (int t = 0; t < 10; t++) {
                // 0.064 per component: cosine ~0.75 to the centre, like templates of one face
                index.add(templateId++, "id" + p, "name" + p, TestVectors.near(random, centre, 0.064));
            }
        }
        // removals move the last row into the hole in both matrices
        for (int i = 0; i < 300; i++) {
            index.removeTemplate(random.nextInt((int) templateId));
        }
        for (int q = 0; q < 10; q++) {
            float[] centre = centres.get(random.nextInt(centres.size()));
            assertSameAsFullScan(index, TestVectors.near(random, centre, 0.064));
            // a query equal to an enrolled template: the best score is the row's own, near 1
            assertSameAsFullScan(index, TestVectors.near(random, centre, 0.0));
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {31, 32, 33, 34})
    void tiesKeepTheFullScanOrder(long seed) {
        Random random = new Random(seed);
        int dim = 32;
        ModelIndex index = new ModelIndex("m", dim, 16);
        // few distinct vectors, each enrolled many times by many identities: every score is tied many ways
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            vectors.add(TestVectors.unit(random, dim));
        }
        long templateId = 0;
        for (int p = 0; p < 60; p++) {
            for (int t = 1 + random.nextInt(3); t > 0; t--) {
                index.add(templateId++, "id" + random.nextInt(1000), "n", vectors.get(random.nextInt(4)));
            }
        }
        for (float[] query : vectors) {
            assertSameAsFullScan(index, query);
        }
        assertSameAsFullScan(index, TestVectors.unit(random, dim));
    }

    @ParameterizedTest
    @ValueSource(longs = {41, 42})
    void prunesMostRowsOfALargeClusteredGallery(long seed) {
        Random random = new Random(seed);
        int dim = 192;
        ModelIndex index = new ModelIndex("m", dim, 20_000);
        List<float[]> centres = new ArrayList<>();
        long templateId = 0;
        for (int p = 0; p < 2_000; p++) {
            float[] centre = TestVectors.unit(random, dim);
            centres.add(centre);
            for (int t = 0; t < 10; t++) {
                index.add(templateId++, "id" + p, "name" + p, TestVectors.near(random, centre, 0.064));
            }
        }
        long before = index.rescoredRows();
        int queries = 20;
        for (int q = 0; q < queries; q++) {
            float[] query = TestVectors.near(random, centres.get(random.nextInt(centres.size())), 0.064);
            index.top(query, DecisionPolicy.nearestTemplate(), 6);
        }
        double perQuery = (index.rescoredRows() - before) / (double) queries;
        // measured ~300 of 20,000; the bar only catches a bound that stopped pruning
        assertTrue(perQuery < 2_000, "rows scored in float per query: " + perQuery);
    }

    private static void assertSameAsFullScan(ModelIndex index, float[] query) {
        for (DecisionPolicy policy : POLICIES) {
            ModelIndex.Scores full = index.score(query, policy, -1);
            for (int k : KS) {
                ModelIndex.Scores pruned = index.top(query, policy, k);
                List<Candidate> expected = ranked(full, policy, k);
                List<Candidate> actual = ranked(pruned, policy, k);
                assertEquals(expected.size(), actual.size(), policy.key() + " k=" + k);
                for (int i = 0; i < expected.size(); i++) {
                    assertEquals(expected.get(i).identityId(), actual.get(i).identityId(), policy.key() + " k=" + k);
                    // bit for bit, not within a tolerance
                    assertEquals(Double.doubleToRawLongBits(expected.get(i).similarity()),
                            Double.doubleToRawLongBits(actual.get(i).similarity()), policy.key() + " k=" + k);
                }
            }
        }
    }

    /** The k best identities as Gallery.search ranks them: score descending, then id; NaN and (k-NN) 0 left out. */
    private static List<Candidate> ranked(ModelIndex.Scores scores, DecisionPolicy policy, int k) {
        List<Candidate> all = new ArrayList<>();
        for (int slot = 0; slot < scores.scores().length; slot++) {
            float score = scores.scores()[slot];
            if (Float.isNaN(score) || (policy instanceof DecisionPolicy.KnnVote && score <= 0)) {
                continue;
            }
            all.add(new Candidate(scores.ids()[slot], scores.names()[slot], score));
        }
        all.sort(Comparator.comparingDouble(Candidate::similarity).reversed()
                .thenComparing(Candidate::identityId));
        return all.subList(0, Math.min(k, all.size()));
    }
}
