package io.face4j.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.face4j.detect.Detection;
import io.face4j.detect.mtcnn.MtcnnDetector;
import io.face4j.embed.EmbedderOptions;
import io.face4j.embed.Embedding;
import io.face4j.embed.OnnxEmbedder;
import io.face4j.image.RgbImage;
import io.face4j.onnx.OnnxOptions;

/**
 * MobileFaceNet on a batch of 8 aligned faces (the faces of a bench frame, repeated), one embed call per invocation;
 * the score is per face (JMH divides by the batch).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EmbedBenchmark {
    private static final int BATCH = 8;
    private static final String FRAME = "bbt2_640x480.png";

    /** ONNX Runtime intra-op threads per session; with 1 the inference runs on the calling thread. */
    @Param({"1", "2"})
    int threads;

    private OnnxEmbedder embedder;
    private List<RgbImage> aligned;

    @Setup(Level.Trial)
    public void setUp() {
        embedder = OnnxEmbedder.mobileFaceNet(EmbedderOptions.defaults()
                .withOnnx(OnnxOptions.defaults().withIntraOpThreads(threads)));
        RgbImage image = BenchData.frame(FRAME);
        List<Detection> faces;
        try (MtcnnDetector detector = MtcnnDetector.create()) {
            faces = detector.detect(image);
        }
        if (faces.isEmpty()) {
            embedder.close();
            throw new IllegalStateException("no face in " + FRAME);
        }
        aligned = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            aligned.add(embedder.aligner().align(image, faces.get(i % faces.size())));
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        embedder.close();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public List<Embedding> embedBatch() {
        return embedder.embed(aligned);
    }
}
