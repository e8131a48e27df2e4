package io.face4j.onnx;

/**
 * Session settings. {@code intraOpThreads} / {@code interOpThreads} 0 let ONNX Runtime choose; {@code optimization}
 * picks ONNX Runtime's graph optimisation level; {@code spinning} lets idle intra-op threads busy-wait for the next
 * call. Immutable; change with the withers.
 *
 * <p>Spinning is off by default: a face pipeline runs several sessions one after another (PNet, RNet, ONet, the
 * embedder), and each session's pool kept spinning on the cores the next session needed. Measured with JMH
 * AnalyzeBenchmark (bbt2, 3 faces, 2 threads) on the 2-core dev machine: see the README's speed table.
 */
public record OnnxOptions(int intraOpThreads, int interOpThreads, Optimization optimization, boolean spinning) {

    /**
     * ONNX Runtime graph optimisation levels. ALL, the default, adds the blocked NCHWc layout for convolutions and pools
     * and is the fastest for the shipped models: MobileFaceNet [8,112,112,3] on 1 thread took 153 ms of thread CPU time
     * with ALL against 205 ms with EXTENDED (ONNX Runtime 1.23.2, AVX2).
     */
    public enum Optimization { NONE, BASIC, EXTENDED, ALL }

    public OnnxOptions {
        if (intraOpThreads < 0) {
            throw new IllegalArgumentException("intraOpThreads must be >= 0 (0 = let ONNX Runtime choose), got " + intraOpThreads);
        }
        if (interOpThreads < 0) {
            throw new IllegalArgumentException("interOpThreads must be >= 0 (0 = let ONNX Runtime choose), got " + interOpThreads);
        }
        if (optimization == null) {
            throw new IllegalArgumentException("optimization must not be null");
        }
    }

    public OnnxOptions(int intraOpThreads) {
        this(intraOpThreads, 0, Optimization.ALL, false);
    }

    public static OnnxOptions defaults() {
        return new OnnxOptions(0);
    }

    public OnnxOptions withIntraOpThreads(int threads) {
        return new OnnxOptions(threads, interOpThreads, optimization, spinning);
    }

    public OnnxOptions withInterOpThreads(int threads) {
        return new OnnxOptions(intraOpThreads, threads, optimization, spinning);
    }

    public OnnxOptions withOptimization(Optimization level) {
        return new OnnxOptions(intraOpThreads, interOpThreads, level, spinning);
    }

    public OnnxOptions withSpinning(boolean value) {
        return new OnnxOptions(intraOpThreads, interOpThreads, optimization, value);
    }
}
