package io.face4j.onnx.tfjs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import io.face4j.onnx.ModelException;

/**
 * Converts a TensorFlow.js graph model ({@code model.json} plus its {@code .bin} weight shards) into an equivalent
 * ONNX model (opset 17), written with {@code io.face4j.onnx.proto} like the TFLite importer. Graph inputs and outputs
 * keep the TFJS node names (e.g. {@code conv2d_input}, {@code Identity}) and NHWC layouts, with a symbolic batch.
 * Supported ops: those of the Human library's antispoof and liveness models and their close relatives (see
 * {@link TfjsGraphConverter#SUPPORTED_OPS}): convolutions with fused BiasAdd and activation, pools, matrix products,
 * reshape, element-wise arithmetic, activations and softmax. Weights: float32 and int32, plus TFJS's float16 and
 * uint8/uint16 quantization. Anything else fails with a {@link ModelException} naming the file, the node and the
 * problem. Stateless and thread-safe.
 */
public final class TfjsImporter {
    private TfjsImporter() {
    }

    /** Supplies the bytes of a weight shard named in the manifest; returns null when there is no such shard. */
    @FunctionalInterface
    public interface ShardReader {
        byte[] read(String path) throws IOException;
    }

    /**
     * Converts a model.json and its shards to ONNX bytes.
     *
     * @param modelJson the bytes of model.json
     * @param shards reads the shard files the weightsManifest names (paths as written there, relative to model.json)
     * @param sourceName a name for messages, e.g. the file name
     * @throws ModelException when the JSON is malformed, a shard is missing or truncated, or the graph uses an op,
     *     attribute or dtype the importer lacks
     */
    public static byte[] convert(byte[] modelJson, ShardReader shards, String sourceName) {
        if (modelJson == null) {
            throw new IllegalArgumentException("modelJson must not be null");
        }
        if (shards == null) {
            throw new IllegalArgumentException("shards must not be null");
        }
        String source = sourceName == null ? "<model.json>" : sourceName;
        return new TfjsGraphConverter(TfjsModel.read(modelJson, shards, source)).convert();
    }

    /** Reads a model.json file and the shards next to it, and returns the ONNX bytes. */
    public static byte[] convert(Path modelJson) {
        if (modelJson == null) {
            throw new IllegalArgumentException("modelJson must not be null");
        }
        byte[] json;
        try {
            json = Files.readAllBytes(modelJson);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + modelJson, e);
        }
        return convert(json, directoryShards(modelJson.toAbsolutePath().getParent()), modelJson.getFileName().toString());
    }

    /** Converts the model.json file {@code in} (shards next to it) and writes the ONNX model to {@code out}. */
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

    /**
     * Shards read from {@code dir}; a manifest path that is absolute or leaves the directory ({@code ..}) is refused,
     * so a model file cannot make the importer read arbitrary files.
     */
    public static ShardReader directoryShards(Path dir) {
        if (dir == null) {
            throw new IllegalArgumentException("dir must not be null");
        }
        Path base = dir.toAbsolutePath().normalize();
        return path -> {
            Path p = base.resolve(path).normalize();
            if (path.isEmpty() || Path.of(path).isAbsolute() || !p.startsWith(base)) {
                throw new IOException("the path leaves the model's directory");
            }
            try {
                return Files.readAllBytes(p);
            } catch (NoSuchFileException e) {
                return null;
            }
        };
    }

    /** Shards read as classpath resources next to {@code modelResource} (e.g. /io/face4j/models/human/antispoof.json). */
    public static ShardReader resourceShards(Class<?> loader, String modelResource) {
        String dir = modelResource.substring(0, modelResource.lastIndexOf('/') + 1);
        return path -> {
            if (path.isEmpty() || path.startsWith("/") || path.contains("..") || path.contains("\\")) {
                throw new IOException("the path leaves the model's directory");
            }
            try (var in = loader.getResourceAsStream(dir + path)) {
                return in == null ? null : in.readAllBytes();
            }
        };
    }
}
