package io.face4j.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

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

import io.face4j.AnalyzerOptions;
import io.face4j.Face;
import io.face4j.FaceAnalyzer;
import io.face4j.image.RgbImage;

/**
 * The whole pipeline (MTCNN, ArcFace alignment, quality, one MobileFaceNet batch) on a 640x480 frame with three faces
 * (issue #3 bar: <= 30 ms).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AnalyzeBenchmark {
    /** The frame's faces, so that a detector change that loses or adds one shows up as a failure, not a speed-up. */
    private static final int EXPECTED_FACES = 3;

    @Param({"40", "20"})
    int minFaceSize;

    /** ONNX Runtime intra-op threads per session; with 1 the inference runs on the calling thread. */
    @Param({"1", "2"})
    int threads;

    @Param({"bbt2_640x480.png"})
    String frame;

    private FaceAnalyzer analyzer;
    private RgbImage image;

    @Setup(Level.Trial)
    public void setUp() {
        image = BenchData.frame(frame);
        analyzer = FaceAnalyzer.create(AnalyzerOptions.defaults().withMinFaceSize(minFaceSize).withThreads(threads));
        int faces = analyzer.analyze(image).size();
        if (faces != EXPECTED_FACES) {
            analyzer.close();
            throw new IllegalStateException(frame + " gives " + faces + " faces at min face " + minFaceSize
                    + ", expected " + EXPECTED_FACES);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        analyzer.close();
    }

    @Benchmark
    public List<Face> analyze() {
        return analyzer.analyze(image);
    }
}
