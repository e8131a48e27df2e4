package io.face4j.onnx;

/**
 * Session settings. {@code intraOpThreads} / {@code interOpThreads} 0 let ONNX Runtime choose; {@code optimization}
 * picks ONNX Runtime's graph optimisation level. Immutable; change with the withers.
 */
public record OnnxOptions(int intraOpThreads, int interOpThreads, Optimization optimization) {

    /** ONNX Runtime graph optimisation levels (ALL adds layout optimisations such as NCHWc convolutions). */
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
