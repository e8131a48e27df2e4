package io.face4j.onnx;

/**
 * Session settings. CONTRACT STUB for the onnx-package owner (may add fields/withers, must keep these).
 * intraOpThreads 0 lets ONNX Runtime choose.
 */
public record OnnxOptions(int intraOpThreads) {
    public static OnnxOptions defaults() {
        return new OnnxOptions(0);
    }

    public OnnxOptions withIntraOpThreads(int threads) {
        return new OnnxOptions(threads);
    }
}
