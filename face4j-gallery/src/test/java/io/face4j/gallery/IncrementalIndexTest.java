package io.face4j.gallery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-memory matrix updated write by write answers exactly like one loaded fresh from the file. */
class IncrementalIndexTest {
    private static final List<DecisionPolicy> POLICIES = List.of(DecisionPolicy.nearestTemplate(),
            DecisionPolicy.centroid(), DecisionPolicy.knnVote(1), DecisionPolicy.knnVote(7));

    @TempDir
    Path dir;

    @Test
    void updatesAfterLoadingEqualAFreshLoad() {
        Path file = dir.resolve("g.db");
        Random random = new Random(11);
        List<float[]> queries = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            queries.add(TestVectors.unit(random, TestVectors.DIM));
        }
        try (Gallery live = Gallery.open(file)) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                ids.add(live.enrol("person " + i, TestVectors.person(random, 1 + random.nextInt(5), 0.4))
                        .identity().id());
            }
            // the first search loads the matrix; everything after is an incremental update
            live.search(TestVectors.MODEL, queries.get(0), DecisionPolicy.nearestTemplate(), 1);
            for (int step = 0; step < 200; step++) {
                int action = random.nextInt(10);
                String id = ids.get(random.nextInt(ids.size()));
                if (action < 4) {
                    live.addTemplates(id, TestVectors.person(random, 1 + random.nextInt(3), 0.4));
                } else if (action < 6) {
                    List<Template> templates = live.templates(id);
                    if (!templates.isEmpty()) {
                        live.removeTemplate(templates.get(random.nextInt(templates.size())).id());
                    }
                } else if (action < 7 && ids.size() > 5) {
                    live.removeIdentity(id);
                    ids.remove(id);
                } else if (action < 8) {
                    ids.add(live.enrol("new " + step, TestVectors.person(random, 2, 0.4)).identity().id());
                } else {
                    live.rename(id, "renamed " + step);
                }
                if (step % 50 == 49) {
                    assertSameAnswers(live, file, queries);
                }
            }
            assertSameAnswers(live, file, queries);
        }
    }

    private static void assertSameAnswers(Gallery live, Path file, List<float[]> queries) {
        // a second instance on the same file only reads, which the gallery allows
        try (Gallery fresh = Gallery.open(file)) {
            for (DecisionPolicy policy : POLICIES) {
                for (float[] query : queries) {
                    List<Candidate> expected = fresh.search(TestVectors.MODEL, query, policy, 1000);
                    List<Candidate> actual = live.search(TestVectors.MODEL, query, policy, 1000);
                    assertEquals(expected.size(), actual.size(), policy.key());
                    for (int i = 0; i < expected.size(); i++) {
                        assertEquals(expected.get(i).identityId(), actual.get(i).identityId(), policy.key());
                        assertEquals(expected.get(i).name(), actual.get(i).name());
                        // 1e-5: the running centroid sums are doubles updated by subtraction, the fresh ones not
                        assertEquals(expected.get(i).similarity(), actual.get(i).similarity(), 1e-5);
                    }
                }
            }
        }
    }
}
