package io.face4j.gallery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Eight threads enrolling, searching and listing at once on one gallery. */
class GalleryConcurrencyTest {
    private static final int THREADS = 8;
    private static final int PER_THREAD = 25;
    private static final int TEMPLATES = 3;

    @TempDir
    Path dir;

    @Test
    void eightThreadsEnrolAndSearchConsistently() throws Exception {
        Path file = dir.resolve("g.db");
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try (Gallery gallery = Gallery.open(GalleryOptions.defaults().withPath(file).withDurableCommits(false))) {
            gallery.enrol("seed", TestVectors.person(new Random(0), 1, 0));
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    Random random = new Random(100 + thread);
                    start.await();
                    int found = 0;
                    for (int i = 0; i < PER_THREAD; i++) {
                        List<NewTemplate> templates = TestVectors.person(random, TEMPLATES, 0.05);
                        String id = gallery.enrol("t" + thread + "-" + i, templates).identity().id();
                        // a search right after the commit sees it: the writer updates the matrix before returning
                        List<Candidate> best = gallery.search(TestVectors.MODEL, templates.get(0).embedding(),
                                i % 2 == 0 ? DecisionPolicy.nearestTemplate() : DecisionPolicy.centroid(), 1);
                        if (best.get(0).identityId().equals(id)) {
                            found++;
                        }
                        gallery.identities();
                    }
                    return found;
                }));
            }
            start.countDown();
            for (Future<Integer> result : results) {
                assertEquals(PER_THREAD, result.get(2, TimeUnit.MINUTES));
            }
            assertEquals(THREADS * PER_THREAD + 1, gallery.identities().size());
            assertEquals(THREADS * PER_THREAD * TEMPLATES + 1, gallery.stats().templates());
            try (Gallery fresh = Gallery.open(file)) {
                float[] query = TestVectors.unit(new Random(9), TestVectors.DIM);
                assertEquals(fresh.search(TestVectors.MODEL, query, DecisionPolicy.nearestTemplate(), 10),
                        gallery.search(TestVectors.MODEL, query, DecisionPolicy.nearestTemplate(), 10));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
