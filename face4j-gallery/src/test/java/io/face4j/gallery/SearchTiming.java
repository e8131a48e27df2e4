package io.face4j.gallery;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A quick timing (not a test, not JMH): builds a gallery of 100,000 templates of 192 floats (10,000 identities x 10),
 * reopens it, times the first search (which loads the matrix) and then top-5 searches per policy.
 * Run: {@code java -cp <test classpath> io.face4j.gallery.SearchTiming [file]}.
 */
public final class SearchTiming {
    private static final int IDENTITIES = 10_000;
    private static final int TEMPLATES_EACH = 10;
    private static final int DIM = 192;
    private static final String MODEL = "mobilefacenet-192";

    // CPU time as well as wall time: on a shared 2-core machine wall time mostly measures the neighbours
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private SearchTiming() {
    }

    public static void main(String[] args) throws Exception {
        Path file = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("face4j-timing").resolve("g.db");
        Random random = new Random(42);
        if (!Files.exists(file)) {
            long start = System.nanoTime();
            try (Gallery gallery = Gallery.open(GalleryOptions.defaults().withPath(file).withDurableCommits(false))) {
                for (int p = 0; p < IDENTITIES; p++) {
                    List<NewTemplate> templates = new ArrayList<>();
                    for (int t = 0; t < TEMPLATES_EACH; t++) {
                        templates.add(NewTemplate.of(TestVectors.unit(random, DIM), MODEL));
                    }
                    gallery.enrol("person " + p, templates);
                }
            }
            System.out.printf(Locale.ROOT, "built %s in %.1f s%n", file, (System.nanoTime() - start) / 1e9);
        }
        for (int round = 0; round < 3; round++) {
            try (Gallery gallery = Gallery.open(file)) {
                float[] query = TestVectors.unit(random, DIM);
                long start = System.nanoTime();
                long cpuStart = THREADS.getCurrentThreadCpuTime();
                gallery.search(MODEL, query, DecisionPolicy.centroid(), 5);
                System.out.printf(Locale.ROOT, "open #%d: first search (load %d templates + centroid) %.0f ms wall, "
                        + "%.0f ms cpu%n", round, gallery.stats().templates(), (System.nanoTime() - start) / 1e6,
                        (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e6);
                if (round == 2) {
                    for (DecisionPolicy policy : List.of(DecisionPolicy.nearestTemplate(), DecisionPolicy.centroid(),
                            DecisionPolicy.knnVote(5))) {
                        time(gallery, policy, random);
                    }
                }
            }
        }
    }

    private static void time(Gallery gallery, DecisionPolicy policy, Random random) {
        int warmup = 200;
        int measured = 200;
        double[] millis = new double[measured];
        double[] cpuMillis = new double[measured];
        for (int i = 0; i < warmup + measured; i++) {
            float[] query = TestVectors.unit(random, DIM);
            long start = System.nanoTime();
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            gallery.search(MODEL, query, policy, 5);
            if (i >= warmup) {
                millis[i - warmup] = (System.nanoTime() - start) / 1e6;
                cpuMillis[i - warmup] = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e6;
            }
        }
        Arrays.sort(millis);
        Arrays.sort(cpuMillis);
        System.out.printf(Locale.ROOT, "%-8s top-5: wall median %.2f ms, p90 %.2f ms, min %.2f ms; cpu median %.2f ms%n",
                policy.key(), millis[measured / 2], millis[measured * 9 / 10], millis[0], cpuMillis[measured / 2]);
    }
}
