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
 * reopens it, times the first search (which loads the matrix) and then top-5 searches per policy, with the number of
 * rows the search scored in float. {@code random}: every template and query a random direction (a worst case for
 * the int8 bounds); {@code clustered}: templates near their identity's centre (cosine ~0.75), queries near a random
 * identity's centre. Run: {@code java -cp <test classpath> io.face4j.gallery.SearchTiming [random|clustered] [file]}.
 */
public final class SearchTiming {
    private static final int IDENTITIES = 10_000;
    private static final int TEMPLATES_EACH = 10;
    private static final int DIM = 192;
    private static final String MODEL = "mobilefacenet-192";
    // 0.064 per component: |noise|^2 = 192 * 0.064^2 = 0.79, cosine to the centre 1 / sqrt(1.79) = 0.75
    private static final double NOISE = 0.064;
    private static boolean clustered;

    // CPU time as well as wall time: on a shared 2-core machine wall time mostly measures the neighbours
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private SearchTiming() {
    }

    public static void main(String[] args) throws Exception {
        clustered = args.length > 0 && args[0].equals("clustered");
        Path file = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("face4j-timing").resolve("g.db");
        Random random = new Random(42);
        if (!Files.exists(file)) {
            long start = System.nanoTime();
            try (Gallery gallery = Gallery.open(GalleryOptions.defaults().withPath(file).withDurableCommits(false))) {
                for (int p = 0; p < IDENTITIES; p++) {
                    List<NewTemplate> templates = new ArrayList<>();
                    for (int t = 0; t < TEMPLATES_EACH; t++) {
                        templates.add(NewTemplate.of(clustered ? TestVectors.near(random, centre(p), NOISE)
                                : TestVectors.unit(random, DIM), MODEL));
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

    /** The centre of identity {@code p}, the same on every run. */
    private static float[] centre(int p) {
        return TestVectors.unit(new Random(1_000_003L * p), DIM);
    }

    private static float[] query(Random random) {
        return clustered ? TestVectors.near(random, centre(random.nextInt(IDENTITIES)), NOISE)
                : TestVectors.unit(random, DIM);
    }

    private static void time(Gallery gallery, DecisionPolicy policy, Random random) {
        int warmup = 200;
        int measured = 200;
        double[] millis = new double[measured];
        double[] cpuMillis = new double[measured];
        long rescoredBefore = 0;
        for (int i = 0; i < warmup + measured; i++) {
            float[] query = query(random);
            long start = System.nanoTime();
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            gallery.search(MODEL, query, policy, 5);
            if (i == warmup - 1) {
                rescoredBefore = gallery.rescoredRows(MODEL);
            }
            if (i >= warmup) {
                millis[i - warmup] = (System.nanoTime() - start) / 1e6;
                cpuMillis[i - warmup] = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e6;
            }
        }
        Arrays.sort(millis);
        Arrays.sort(cpuMillis);
        System.out.printf(Locale.ROOT, "%-8s top-5: wall median %.2f ms, p90 %.2f ms, min %.2f ms; cpu median %.2f ms, "
                + "min %.2f ms; rows scored in float %.0f per search%n", policy.key(), millis[measured / 2],
                millis[measured * 9 / 10], millis[0], cpuMillis[measured / 2], cpuMillis[0],
                (gallery.rescoredRows(MODEL) - rescoredBefore) / (double) measured);
    }
}
