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

import io.face4j.detect.Detection;
import io.face4j.detect.mtcnn.MtcnnDetector;
import io.face4j.detect.mtcnn.MtcnnOptions;
import io.face4j.image.RgbImage;
import io.face4j.onnx.OnnxOptions;

/** MTCNN on a 640x480 frame with one face (issue #3 bars: min face 40 <= 12 ms, min face 20 <= 30 ms). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DetectBenchmark {
    @Param({"40", "20"})
    int minFaceSize;

    /** ONNX Runtime intra-op threads per session; with 1 the inference runs on the calling thread. */
    @Param({"1", "2"})
    int threads;

    @Param({"lady_640x480.png"})
    String frame;

    private MtcnnDetector detector;
    private RgbImage image;

    @Setup(Level.Trial)
    public void setUp() {
        image = BenchData.frame(frame);
        detector = MtcnnDetector.create(MtcnnOptions.defaults().withMinFaceSize(minFaceSize),
                OnnxOptions.defaults().withIntraOpThreads(threads));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        detector.close();
    }

    @Benchmark
    public List<Detection> detect() {
        return detector.detect(image);
    }
}
