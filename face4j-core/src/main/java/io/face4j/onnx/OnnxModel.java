package io.face4j.onnx;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One ONNX Runtime session. Thread-safe: {@link #run} may be called from many threads at once. AutoCloseable.
 * CONTRACT STUB: the onnx-package owner implements it; the public signatures below are fixed (more may be added).
 * Converted TFLite models keep the TFLite input/output tensor names and NHWC layouts; dimensions made symbolic
 * (batch, or PNet's height/width) show as -1 in {@link TensorInfo#shape()}.
 */
public final class OnnxModel implements AutoCloseable {

    /** Loads a shipped TFLite model through the importer. */
    public static OnnxModel load(ShippedModel model, OnnxOptions options) {
        throw new UnsupportedOperationException("contract stub");
    }

    /** Loads a user's model by path: a .onnx file as is, a .tflite file through the importer. */
    public static OnnxModel load(Path file, OnnxOptions options) {
        throw new UnsupportedOperationException("contract stub");
    }

    /** A short name for messages (file name). */
    public String name() {
        throw new UnsupportedOperationException("contract stub");
    }

    public List<TensorInfo> inputs() {
        throw new UnsupportedOperationException("contract stub");
    }

    public List<TensorInfo> outputs() {
        throw new UnsupportedOperationException("contract stub");
    }

    /** Runs with inputs in graph-input order; returns every output in graph-output order. */
    public List<FloatTensor> run(FloatTensor... inputs) {
        throw new UnsupportedOperationException("contract stub");
    }

    /** Runs with inputs by name; returns every output by name. */
    public Map<String, FloatTensor> run(Map<String, FloatTensor> inputs) {
        throw new UnsupportedOperationException("contract stub");
    }

    @Override
    public void close() {
    }

    /** Name and shape (-1 for symbolic dimensions) of a graph input or output. */
    public record TensorInfo(String name, long[] shape) {
    }
}
