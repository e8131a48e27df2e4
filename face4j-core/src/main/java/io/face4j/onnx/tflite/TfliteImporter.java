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
 * per-channel element-wise ops, like MTCNN's PNet) height and width become symbolic too. Decomposed PReLU and softmax
 * patterns are emitted as single PRelu and Softmax nodes. Stateless and thread-safe.
 */
public final class TfliteImporter {
    private TfliteImporter() {
    }

    /**
     * Converts TFLite bytes to ONNX bytes.
     *
     * @param sourceName a name for messages, e.g. the file name
     * @throws ModelException when the bytes are not a readable TFLite model or use an operator the importer lacks
     */
    public static byte[] convert(byte[] tflite, String sourceName) {
        if (tflite == null) {
            throw new IllegalArgumentException("tflite must not be null");
        }
        String source = sourceName == null ? "<tflite>" : sourceName;
        TfliteModel model = TfliteModel.read(tflite, source);
        return new GraphConverter(model).convert();
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
