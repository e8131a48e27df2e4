package io.face4j.onnx.tflite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.face4j.onnx.ModelException;

/**
 * Converts a TFLite flatbuffer model into an equivalent ONNX model (opset 17). The graph keeps the TFLite input and
 * output tensor names and their NHWC layouts; inside, 4-D activations run in NCHW (one Transpose at each boundary),
 * dimension 0 becomes the symbolic {@code batch}, and for fully convolutional graphs (only convolutions, pools and
 * per-channel element-wise ops, like MTCNN's PNet) height and width become symbolic too. Decomposed softmax patterns
 * are emitted as single Softmax nodes (a softmax over the two channels of a convolution's output as a 1x1 convolution
 * and a Sigmoid), decomposed PReLU patterns as chosen by {@link PreluForm}. Stateless and thread-safe.
 */
public final class TfliteImporter {
    private TfliteImporter() {
    }

    /**
     * How a PReLU (TFLite's PRELU op or its decomposed relu(x) + a * min(x, 0) pattern) is written in ONNX.
     * <p>
     * ONNX Runtime has no blocked-layout (NCHWc) PRelu kernel, so with a single PRelu node it reorders the activations
     * out of and back into the blocked layout around every PReLU. {@link #DEPTHWISE_CONV} avoids that and is the
     * default: MobileFaceNet [8,112,112,3], 1 thread, thread CPU time min of 20 runs: 151 ms with PRelu, 137 ms with
     * depthwise convolutions (ONNX Runtime 1.23.2, AVX2, load average 9); see ModelTimings to measure again.
     */
    public enum PreluForm {
        /** One ONNX PRelu node. */
        PRELU,
        /**
         * x + (1 - a) relu(-x) as two 1x1 depthwise convolutions, a Relu and an Add, which ONNX Runtime keeps in its
         * NCHWc layout; used on the output of a convolution that ONNX Runtime blocks (channel counts multiples of 16),
         * others stay PRelu.
         */
        DEPTHWISE_CONV
    }

    /**
     * Converts TFLite bytes to ONNX bytes.
     *
     * @param sourceName a name for messages, e.g. the file name
     * @throws ModelException when the bytes are not a readable TFLite model or use an operator the importer lacks
     */
    public static byte[] convert(byte[] tflite, String sourceName) {
        return convert(tflite, sourceName, PreluForm.DEPTHWISE_CONV);
    }

    /** As {@link #convert(byte[], String)}, writing PReLUs in the given form. */
    public static byte[] convert(byte[] tflite, String sourceName, PreluForm preluForm) {
        if (tflite == null) {
            throw new IllegalArgumentException("tflite must not be null");
        }
        if (preluForm == null) {
            throw new IllegalArgumentException("preluForm must not be null");
        }
        String source = sourceName == null ? "<tflite>" : sourceName;
        TfliteModel model = TfliteModel.read(tflite, source);
        return new GraphConverter(model, preluForm).convert();
    }

    /** Reads a .tflite file and returns the ONNX bytes. */
    public static byte[] convert(Path tflite) {
        if (tflite == null) {
            throw new IllegalArgumentException("tflite must not be null");
        }
        try {
            return convert(Files.readAllBytes(tflite), tflite.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + tflite, e);
        }
    }

    /** Converts the .tflite file {@code in} and writes the ONNX model to {@code out}. */
    public static void convert(Path in, Path out) {
        if (out == null) {
            throw new IllegalArgumentException("out must not be null");
        }
        byte[] onnx = convert(in);
        try {
            Files.write(out, onnx);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out, e);
        }
    }
}
