package io.face4j.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.face4j.gallery.Candidate;
import io.face4j.gallery.DecisionPolicy;
import io.face4j.gallery.Gallery;
import io.face4j.gallery.GalleryOptions;
import io.face4j.gallery.NewTemplate;

/**
 * Top-5 search over 100,000 templates of 192 floats (10,000 identities x 10, clustered like faces), and loading them
 * from the store (issue bars: search <= 5 ms, load <= 1 s). The gallery file is built once per trial, seeded.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GallerySearchBenchmark {
    private static final int IDENTITIES = 10_000;
    private static final int TEMPLATES_EACH = 10;
    private static final int DIM = 192;
    private static final String MODEL = "mobilefacenet-192";
    // 0.064 per component: |noise|^2 = 192 * 0.064^2 = 0.79, cosine to the identity's centre 1 / sqrt(1.79) = 0.75
    private static final double NOISE = 0.064;
    private static final int QUERIES = 1024;

    @Param({"nearest", "centroid", "knn-5"})
    String policy;

    private Path dir;
    private Gallery gallery;
    private DecisionPolicy decisionPolicy;
    private float[][] queries;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("face4j-bench-gallery");
        Random random = new Random(42);
        float[][] centres = new float[IDENTITIES][];
        try (Gallery builder = Gallery.open(GalleryOptions.defaults().withPath(dir.resolve("g.db"))
                .withDurableCommits(false))) {
            for (int p = 0; p < IDENTITIES; p++) {
                centres[p] = unit(random);
                List<NewTemplate> templates = new ArrayList<>();
                for (int t = 0; t < TEMPLATES_EACH; t++) {
                    templates.add(NewTemplate.of(near(random, centres[p]), MODEL));
                }
                builder.enrol("person " + p, templates);
            }
        }
        // probes: a fresh photo of an enrolled face, near its centre like the templates
        queries = new float[QUERIES][];
        for (int i = 0; i < QUERIES; i++) {
            queries[i] = near(random, centres[random.nextInt(IDENTITIES)]);
        }
        decisionPolicy = DecisionPolicy.parse(policy);
        gallery = Gallery.open(dir.resolve("g.db"));
        gallery.search(MODEL, queries[0], decisionPolicy, 5);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        gallery.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> {
                try {
                    Files.delete(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    @Benchmark
    public List<Candidate> search() {
        return gallery.search(MODEL, queries[next++ & (QUERIES - 1)], decisionPolicy, 5);
    }

    /** Open the file and answer one search: the load of all 100,000 templates into the index, plus one search. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 2)
    @Measurement(iterations = 5)
    public List<Candidate> openAndFirstSearch() {
        try (Gallery fresh = Gallery.open(dir.resolve("g.db"))) {
            return fresh.search(MODEL, queries[next++ & (QUERIES - 1)], decisionPolicy, 5);
        }
    }

    private static float[] unit(Random random) {
        float[] v = new float[DIM];
        for (int i = 0; i < DIM; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return normalised(v);
    }

    private static float[] near(Random random, float[] centre) {
        float[] v = new float[DIM];
        for (int i = 0; i < DIM; i++) {
            v[i] = (float) (centre[i] + NOISE * random.nextGaussian());
        }
        return normalised(v);
    }

    private static float[] normalised(float[] v) {
        double squares = 0;
        for (float x : v) {
            squares += (double) x * x;
        }
        float norm = (float) Math.sqrt(squares);
        for (int i = 0; i < v.length; i++) {
            v[i] /= norm;
        }
        return v;
    }
}
