package io.face4j.onnx;

/**
 * Session settings. {@code intraOpThreads} / {@code interOpThreads} 0 let ONNX Runtime choose; {@code optimization}
 * picks ONNX Runtime's graph optimisation level. Immutable; change with the withers.
 */
public record OnnxOptions(int intraOpThreads, int interOpThreads, Optimization optimization) {

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
        this(intraOpThreads, 0, Optimization.ALL);
    }

    public static OnnxOptions defaults() {
        return new OnnxOptions(0);
    }

    public OnnxOptions withIntraOpThreads(int threads) {
        return new OnnxOptions(threads, interOpThreads, optimization);
    }

    public OnnxOptions withInterOpThreads(int threads) {
        return new OnnxOptions(intraOpThreads, threads, optimization);
    }

    public OnnxOptions withOptimization(Optimization level) {
        return new OnnxOptions(intraOpThreads, interOpThreads, level);
    }
}
