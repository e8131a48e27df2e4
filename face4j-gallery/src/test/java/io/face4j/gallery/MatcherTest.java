package io.face4j.gallery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crafted gallery in 8 dimensions where the three policies pick three different people for the query e0:
 * <ul>
 *   <li>Alice: one template at cosine 0.95 and one orthogonal (cosine 0). Best single template; centroid
 *       (0.95, 0.312, 1) / sqrt(2) gives 0.672.</li>
 *   <li>Bob: two templates at cosine 0.8 on either side of e0 (0.8 e0 +- 0.6 e3); centroid exactly e0, cosine 1.</li>
 *   <li>Carol: three templates at cosine 0.90, 0.89 and 0.88 in different directions; centroid
 *       2.67 / sqrt(7.7524) = 0.959.</li>
 * </ul>
 * Nearest template: Alice 0.95. Centroid: Bob 1.0. 3-NN vote: the three nearest are Alice 0.95, Carol 0.90,
 * Carol 0.89, so Carol (1.79 / 3 = 0.597) beats Alice (0.95 / 3 = 0.317).
 */
class MatcherTest {
    private static final int DIM = 8;
    private static final float[] QUERY = TestVectors.vector(DIM, 1);

    @TempDir
    Path dir;
    private Gallery gallery;
    private Matcher matcher;

    private static NewTemplate t(double... coordinates) {
        return NewTemplate.of(TestVectors.vector(DIM, coordinates), "m8");
    }

    private static double sqrt(double v) {
        return Math.sqrt(v);
    }

    @BeforeEach
    void enrol() {
        gallery = Gallery.open(dir.resolve("g.db"));
        matcher = new Matcher(gallery);
        gallery.enrol("Alice", List.of(t(0.95, sqrt(1 - 0.95 * 0.95)), t(0, 0, 1)));
        gallery.enrol("Bob", List.of(t(0.8, 0, 0, 0.6), t(0.8, 0, 0, -0.6)));
        gallery.enrol("Carol", List.of(t(0.90, 0, 0, 0, sqrt(1 - 0.81)), t(0.89, 0, 0, 0, 0, sqrt(1 - 0.7921)),
                t(0.88, 0, 0, 0, 0, 0, sqrt(1 - 0.7744))));
    }

    @AfterEach
    void close() {
        gallery.close();
    }

    @Test
    void nearestTemplatePicksAlice() {
        Decision decision = matcher.decide("m8", QUERY, DecisionPolicy.nearestTemplate(), 0.5);
        assertEquals("Alice", decision.label());
        assertEquals(0.95, decision.similarity(), 1e-6);
        // second best identity: Carol's 0.90
        assertEquals(0.05, decision.margin(), 1e-6);
        assertEquals(List.of("Alice", "Carol", "Bob"), names(decision));
    }

    @Test
    void centroidPicksBob() {
        Decision decision = matcher.decide("m8", QUERY, DecisionPolicy.centroid(), 0.5);
        assertEquals("Bob", decision.label());
        assertEquals(1.0, decision.similarity(), 1e-6);
        assertEquals(1.0 - 2.67 / Math.sqrt(7.7524), decision.margin(), 1e-4);
        assertEquals(0.672, decision.candidates().get(2).similarity(), 1e-3);
    }

    @Test
    void knnVotePicksCarol() {
        Decision decision = matcher.decide("m8", QUERY, DecisionPolicy.knnVote(3), 0.3);
        assertEquals("Carol", decision.label());
        assertEquals((0.90 + 0.89) / 3, decision.similarity(), 1e-6);
        assertEquals((0.90 + 0.89 - 0.95) / 3, decision.margin(), 1e-6);
        assertEquals(List.of("Carol", "Alice"), names(decision), "identities without a vote are no candidates");
    }

    @Test
    void belowThresholdIsUnknownButKeepsTheClosest() {
        Decision decision = matcher.decide("m8", QUERY, DecisionPolicy.nearestTemplate(), 0.96);
        assertTrue(decision.unknown());
        assertEquals("UNKNOWN", decision.label());
        assertEquals(Optional.empty(), decision.identityId());
        assertEquals("Alice", decision.best().orElseThrow().name());
    }

    @Test
    void thresholdIsInclusive() {
        Decision decision = matcher.decide("m8", QUERY, DecisionPolicy.centroid(), 1.0 - 1e-6);
        assertFalse(decision.unknown());
    }

    @Test
    void topKLimitsCandidatesButNotTheMargin() {
        Decision decision = matcher.decide("m8", QUERY,
                MatchOptions.defaults().withThreshold(0.5).withTopK(1));
        assertEquals(List.of("Alice"), names(decision));
        assertEquals(0.05, decision.margin(), 1e-6);
    }

    @Test
    void storedThresholdIsUsedAndItsAbsenceExplained() {
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> matcher.decide("m8", QUERY, MatchOptions.defaults()));
        assertTrue(missing.getMessage().contains("calibrate"), missing.getMessage());
        gallery.putThreshold("m8", DecisionPolicy.nearestTemplate(), 0.97);
        assertTrue(matcher.decide("m8", QUERY, MatchOptions.defaults()).unknown());
        gallery.putThreshold("m8", DecisionPolicy.nearestTemplate(), 0.9);
        assertEquals("Alice", matcher.decide("m8", QUERY, MatchOptions.defaults()).label());
    }

    @Test
    void singleIdentityMarginIsMeasuredAgainstZero() throws Exception {
        try (Gallery single = Gallery.open(dir.resolve("single.db"))) {
            single.enrol("Dan", List.of(t(0.7, sqrt(0.51))));
            Decision decision = new Matcher(single).decide("m8", QUERY, DecisionPolicy.nearestTemplate(), 0.5);
            assertEquals(0.7, decision.margin(), 1e-6);
        }
    }

    @Test
    void emptyGalleryIsUnknown() {
        try (Gallery empty = Gallery.open(dir.resolve("empty.db"))) {
            Decision decision = new Matcher(empty).decide("m8", QUERY, DecisionPolicy.centroid(), 0.5);
            assertTrue(decision.unknown());
            assertTrue(decision.best().isEmpty());
            assertEquals(-1, decision.similarity());
        }
    }

    private static List<String> names(Decision decision) {
        return decision.candidates().stream().map(Candidate::name).toList();
    }
}
