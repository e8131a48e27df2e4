package io.face4j.gallery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The multi-template policy: k-means clusters of one person's templates, split only when far apart, scored by the best
 * cluster centroid. Templates are seeded random vectors in 32 dimensions ({@link TestVectors}): noise 0.05 around a
 * centre gives cosines of about 0.96 to it, and two random centres are nearly orthogonal ("day" and "night").
 */
class ClustersPolicyTest {
    @TempDir
    Path dir;

    private static List<float[]> around(Random random, float[] centre, int count, double noise) {
        List<float[]> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(TestVectors.near(random, centre, noise));
        }
        return out;
    }

    private static List<NewTemplate> templates(List<float[]> vectors) {
        return vectors.stream().map(v -> new NewTemplate(v, TestVectors.MODEL, 1, "x")).toList();
    }

    @Test
    void twoFarApartGroupsBecomeTwoClusters() {
        Random random = new Random(1);
        float[] day = TestVectors.unit(random, TestVectors.DIM);
        float[] night = TestVectors.unit(random, TestVectors.DIM);
        List<float[]> members = new ArrayList<>(around(random, day, 3, 0.05));
        members.addAll(around(random, night, 3, 0.05));
        float[][] centres = TemplateClusters.centroids(members, 3, 2, 0.6);
        assertEquals(2, centres.length);
        double dayBest = Math.max(TestVectors.dot(centres[0], day), TestVectors.dot(centres[1], day));
        double nightBest = Math.max(TestVectors.dot(centres[0], night), TestVectors.dot(centres[1], night));
        assertTrue(dayBest > 0.98 && nightBest > 0.98, dayBest + " " + nightBest);
    }

    @Test
    void oneTightGroupStaysOneMean() {
        Random random = new Random(2);
        float[] centre = TestVectors.unit(random, TestVectors.DIM);
        List<float[]> members = around(random, centre, 6, 0.05);
        float[][] centres = TemplateClusters.centroids(members, 3, 2, 0.6);
        assertEquals(1, centres.length);
        assertTrue(TestVectors.dot(centres[0], centre) > 0.99);
    }

    @Test
    void aSingleOutlierIsNotACluster() {
        Random random = new Random(3);
        float[] centre = TestVectors.unit(random, TestVectors.DIM);
        List<float[]> members = new ArrayList<>(around(random, centre, 3, 0.05));
        members.add(TestVectors.unit(random, TestVectors.DIM));
        assertEquals(1, TemplateClusters.centroids(members, 3, 2, 0.6).length);
        // allowed clusters of one, the outlier gets its own
        assertEquals(2, TemplateClusters.centroids(members, 3, 1, 0.6).length);
    }

    @Test
    void groupsCloserThanTheSplitCosineStayTogether() {
        Random random = new Random(4);
        float[] a = TestVectors.unit(random, TestVectors.DIM);
        float[] b = TestVectors.near(random, a, 0.1); // cosine about 0.86 to a
        List<float[]> members = new ArrayList<>(around(random, a, 3, 0.02));
        members.addAll(around(random, b, 3, 0.02));
        assertEquals(1, TemplateClusters.centroids(members, 3, 2, 0.6).length);
        assertEquals(2, TemplateClusters.centroids(members, 3, 2, 0.95).length);
        assertEquals(1, TemplateClusters.centroids(members, 1, 2, 0.95).length);
        assertEquals(0, TemplateClusters.centroids(List.of(), 3, 2, 0.6).length);
    }

    @Test
    void aProbeInOneConditionScoresItsClusterNotTheBlurredMean() {
        Random random = new Random(5);
        float[] day = TestVectors.unit(random, TestVectors.DIM);
        float[] night = TestVectors.unit(random, TestVectors.DIM);
        try (Gallery gallery = Gallery.open(GalleryOptions.defaults().withPath(dir.resolve("g.db"))
                .withNearDuplicateSimilarity(Double.POSITIVE_INFINITY))) {
            List<float[]> both = new ArrayList<>(around(random, day, 3, 0.05));
            both.addAll(around(random, night, 3, 0.05));
            gallery.enrol("Ann", templates(both));
            gallery.enrol("Bob", TestVectors.person(random, 4, 0.05));
            float[] probe = TestVectors.near(random, night, 0.05);
            double mean = gallery.search(TestVectors.MODEL, probe, DecisionPolicy.centroid(), 1).get(0).similarity();
            Candidate best = gallery.search(TestVectors.MODEL, probe, DecisionPolicy.clusters(), 1).get(0);
            assertEquals("Ann", best.name());
            assertTrue(best.similarity() > 0.9 && mean < 0.8, "clusters " + best.similarity() + ", centroid " + mean);
        }
    }

    @Test
    void clustersFollowEnrolmentAndRemoval() {
        Random random = new Random(6);
        float[] day = TestVectors.unit(random, TestVectors.DIM);
        float[] night = TestVectors.unit(random, TestVectors.DIM);
        try (Gallery gallery = Gallery.open(GalleryOptions.defaults().withPath(dir.resolve("g.db"))
                .withNearDuplicateSimilarity(Double.POSITIVE_INFINITY))) {
            Enrolment first = gallery.enrol("Ann", templates(around(random, day, 3, 0.05)));
            float[] probe = TestVectors.near(random, night, 0.05);
            double before = gallery.search(TestVectors.MODEL, probe, DecisionPolicy.clusters(), 1).get(0).similarity();
            Enrolment added = gallery.addTemplates(first.identity().id(), templates(around(random, night, 2, 0.05)));
            double after = gallery.search(TestVectors.MODEL, probe, DecisionPolicy.clusters(), 1).get(0).similarity();
            assertTrue(before < 0.5 && after > 0.9, "before " + before + ", after " + after);
            added.addedTemplateIds().forEach(gallery::removeTemplate);
            double removed = gallery.search(TestVectors.MODEL, probe, DecisionPolicy.clusters(), 1).get(0).similarity();
            assertEquals(before, removed, 1e-6);
        }
    }

    @Test
    void leaveOneOutScoresReclusterWithoutTheQuery() {
        Random random = new Random(7);
        try (Gallery gallery = Gallery.open(GalleryOptions.defaults().withPath(dir.resolve("g.db"))
                .withNearDuplicateSimilarity(Double.POSITIVE_INFINITY))) {
            for (int p = 0; p < 4; p++) {
                gallery.enrol("P" + p, TestVectors.person(random, 4, 0.1));
            }
            GalleryScores clusters = gallery.scores(TestVectors.MODEL, DecisionPolicy.clusters(), 100, 0);
            GalleryScores centroid = gallery.scores(TestVectors.MODEL, DecisionPolicy.centroid(), 100, 0);
            assertEquals(16, clusters.genuine().length);
            assertEquals(48, clusters.impostor().length);
            // one tight cluster per person: the same scores as the centroid policy
            for (int i = 0; i < 16; i++) {
                assertEquals(centroid.genuine()[i], clusters.genuine()[i], 1e-5);
            }
        }
    }

    @Test
    void keysParseBack() {
        assertEquals(DecisionPolicy.clusters(), DecisionPolicy.parse(DecisionPolicy.clusters().key()));
        DecisionPolicy custom = new DecisionPolicy.Clusters(2, 0.5);
        assertEquals("clusters-2@0.5", custom.key());
        assertEquals(custom, DecisionPolicy.parse("clusters-2@0.5"));
        assertThrows(IllegalArgumentException.class, () -> DecisionPolicy.parse("clusters-x"));
        assertThrows(IllegalArgumentException.class, () -> new DecisionPolicy.Clusters(0, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new DecisionPolicy.Clusters(3, -1));
    }

    @Test
    void aLowQualityFaceIsUnknownWhateverItsSimilarity() {
        Random random = new Random(8);
        try (Gallery gallery = Gallery.open(dir.resolve("g.db"))) {
            List<NewTemplate> ann = TestVectors.person(random, 3, 0.05);
            gallery.enrol("Ann", ann);
            Matcher matcher = new Matcher(gallery);
            MatchOptions options = MatchOptions.defaults().withPolicy(DecisionPolicy.centroid()).withThreshold(0.5);
            float[] query = ann.get(0).embedding();
            Decision good = matcher.decide(TestVectors.MODEL, query, List.of(), options);
            assertFalse(good.unknown());
            assertEquals(Decision.Reason.MATCH, good.reason());
            Decision dark = matcher.decide(TestVectors.MODEL, query, List.of("too_dark"), options);
            assertTrue(dark.unknown());
            assertEquals("UNKNOWN", dark.label());
            assertEquals(Decision.Reason.LOW_QUALITY, dark.reason());
            assertEquals("low_quality", dark.reason().code());
            assertEquals(List.of("too_dark"), dark.qualityReasons());
            assertEquals("Ann", dark.best().orElseThrow().name(), "the closest candidate is still listed");
            Decision far = matcher.decide(TestVectors.MODEL, TestVectors.unit(random, TestVectors.DIM), List.of(), options);
            assertEquals(Decision.Reason.BELOW_THRESHOLD, far.reason());
        }
    }
}
