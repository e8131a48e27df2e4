package io.face4j.onnx;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.face4j.onnx.tfjs.TfjsImporter;
import io.face4j.onnx.tflite.TfliteImporter;

/**
 * One ONNX Runtime session. Thread-safe: {@link #run} may be called from many threads at once; {@link #close} waits
 * for running calls and later calls fail with IllegalStateException. Converted TFLite and TFJS models keep the
 * original input/output tensor names and NHWC layouts; dimensions made symbolic (batch, or PNet's height/width) show as -1 in
 * {@link TensorInfo#shape()}.
 */
public final class OnnxModel implements AutoCloseable {
    /** The one ONNX Runtime environment of the process (ORT allows a single environment). */
    private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();

    private final String name;
    private final OrtSession session;
    private final List<TensorInfo> inputs;
    private final List<TensorInfo> outputs;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean closed;

    private OnnxModel(String name, byte[] onnx, OnnxOptions options) {
        this.name = name;
        try (OrtSession.SessionOptions so = sessionOptions(options)) {
            this.session = ENV.createSession(onnx, so);
        } catch (OrtException e) {
            throw new ModelException(name + ": ONNX Runtime cannot load the model: " + e.getMessage(), e);
        }
        try {
            this.inputs = infos(session.getInputInfo());
            this.outputs = infos(session.getOutputInfo());
        } catch (OrtException | RuntimeException e) {
            closeQuietly();
            throw new ModelException(name + ": cannot read the model signature: " + e.getMessage(), e);
        }
    }

    /** Loads a shipped model through its importer (TFLite or TFJS). */
    public static OnnxModel load(ShippedModel model, OnnxOptions options) {
        if (model == null) {
            throw new IllegalArgumentException("model must not be null");
        }
        requireOptions(options);
        return new OnnxModel(model.fileName(), toOnnx(model), options);
    }

    /** The ONNX bytes face4j builds in memory for a shipped model (what {@link #load(ShippedModel, OnnxOptions)} runs). */
    public static byte[] toOnnx(ShippedModel model) {
        if (model == null) {
            throw new IllegalArgumentException("model must not be null");
        }
        byte[] bytes;
        try (InputStream in = OnnxModel.class.getResourceAsStream(model.resource())) {
            if (in == null) {
                throw new ModelException(model.fileName() + ": classpath resource " + model.resource()
                        + " not found (is face4j-models on the classpath?)");
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + model.resource(), e);
        }
        return switch (model.format()) {
            case TFLITE -> TfliteImporter.convert(bytes, model.fileName());
            case TFJS -> TfjsImporter.convert(bytes, TfjsImporter.resourceShards(OnnxModel.class, model.resource()), model.fileName());
        };
    }

    /**
     * Loads a user's model by path: a .onnx file as is, a .tflite file through the TFLite importer, a TFJS graph
     * model.json (a .json file, or one starting with '{') through the TFJS importer with its shards read next to it.
     */
    public static OnnxModel load(Path file, OnnxOptions options) {
        if (file == null) {
            throw new IllegalArgumentException("file must not be null");
        }
        requireOptions(options);
        String fileName = file.getFileName().toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model file " + file, e);
        }
        String lower = fileName.toLowerCase(java.util.Locale.ROOT);
        boolean tflite = lower.endsWith(".tflite")
                || (bytes.length >= 8 && bytes[4] == 'T' && bytes[5] == 'F' && bytes[6] == 'L' && bytes[7] == '3');
        boolean tfjs = !tflite && (lower.endsWith(".json") || looksLikeJson(bytes));
        byte[] onnx = tflite ? TfliteImporter.convert(bytes, fileName)
                : tfjs ? TfjsImporter.convert(bytes, TfjsImporter.directoryShards(file.toAbsolutePath().getParent()), fileName)
                : bytes;
        return new OnnxModel(fileName, onnx, options);
    }

    /** A JSON object's first non-blank byte is '{'; an ONNX protobuf starts with a field tag (0x08 for ir_version). */
    static boolean looksLikeJson(byte[] bytes) {
        for (byte b : bytes) {
            if (b == ' ' || b == '\t' || b == '\n' || b == '\r') {
                continue;
            }
            return b == '{';
        }
        return false;
    }

    /** Loads ONNX bytes already in memory (e.g. a generated graph); {@code name} is used in messages. */
    public static OnnxModel fromOnnx(byte[] onnx, String name, OnnxOptions options) {
        if (onnx == null) {
            throw new IllegalArgumentException("onnx must not be null");
        }
        if (name == null) {
            throw new IllegalArgumentException("name must not be null");
        }
        requireOptions(options);
        return new OnnxModel(name, onnx, options);
    }

    private static void requireOptions(OnnxOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null (use OnnxOptions.defaults())");
        }
    }

    private static OrtSession.SessionOptions sessionOptions(OnnxOptions options) throws OrtException {
        OrtSession.SessionOptions so = new OrtSession.SessionOptions();
        try {
            if (options.intraOpThreads() > 0) {
                so.setIntraOpNumThreads(options.intraOpThreads());
            }
            if (options.interOpThreads() > 0) {
                so.setInterOpNumThreads(options.interOpThreads());
            }
            // Documented ONNX Runtime session config keys (onnxruntime_session_options_config_keys.h).
            so.addConfigEntry("session.intra_op.allow_spinning", options.spinning() ? "1" : "0");
            so.addConfigEntry("session.inter_op.allow_spinning", options.spinning() ? "1" : "0");
            so.setOptimizationLevel(switch (options.optimization()) {
                case NONE -> OrtSession.SessionOptions.OptLevel.NO_OPT;
                case BASIC -> OrtSession.SessionOptions.OptLevel.BASIC_OPT;
                case EXTENDED -> OrtSession.SessionOptions.OptLevel.EXTENDED_OPT;
                case ALL -> OrtSession.SessionOptions.OptLevel.ALL_OPT;
            });
            return so;
        } catch (OrtException | RuntimeException e) {
            so.close();
            throw e;
        }
    }

    private static List<TensorInfo> infos(Map<String, NodeInfo> nodes) {
        List<TensorInfo> out = new ArrayList<>();
        for (NodeInfo node : nodes.values()) {
            long[] shape = node.getInfo() instanceof ai.onnxruntime.TensorInfo t ? t.getShape() : new long[0];
            for (int i = 0; i < shape.length; i++) {
                if (shape[i] < 0) {
                    shape[i] = -1;
                }
            }
            out.add(new TensorInfo(node.getName(), shape));
        }
        return List.copyOf(out);
    }

    /** A short name for messages (file name). */
    public String name() {
        return name;
    }

    public List<TensorInfo> inputs() {
        return inputs;
    }

    public List<TensorInfo> outputs() {
        return outputs;
    }

    /**
     * Checks that input {@code index} has rank {@code shape.length} and the given dimensions, -1 meaning "any"
     * (a symbolic model dimension fits any expected value, and any model dimension fits an expected -1).
     *
     * @throws ModelException naming the model and both shapes when it does not fit
     */
    public OnnxModel requireInput(int index, long... shape) {
        return require("input", inputs, index, shape);
    }

    /** As {@link #requireInput} for output {@code index}. */
    public OnnxModel requireOutput(int index, long... shape) {
        return require("output", outputs, index, shape);
    }

    private OnnxModel require(String kind, List<TensorInfo> infos, int index, long[] shape) {
        if (shape == null) {
            throw new IllegalArgumentException("shape must not be null");
        }
        if (index < 0 || index >= infos.size()) {
            throw new ModelException(name + ": expected an " + kind + " " + index + " of shape " + Arrays.toString(shape)
                    + ", but the model has " + infos.size() + " " + kind + "s " + describe(infos));
        }
        long[] actual = infos.get(index).shape();
        boolean fits = actual.length == shape.length;
        for (int i = 0; fits && i < shape.length; i++) {
            fits = shape[i] == -1 || actual[i] == -1 || shape[i] == actual[i];
        }
        if (!fits) {
            throw new ModelException(name + ": " + kind + " " + index + " '" + infos.get(index).name() + "' has shape "
                    + Arrays.toString(actual) + ", expected " + Arrays.toString(shape) + " (-1 = any)");
        }
        return this;
    }

    private static String describe(List<TensorInfo> infos) {
        StringBuilder sb = new StringBuilder("[");
        for (TensorInfo t : infos) {
            sb.append(sb.length() > 1 ? ", " : "").append(t);
        }
        return sb.append(']').toString();
    }

    /** Runs with inputs in graph-input order; returns every output in graph-output order. */
    public List<FloatTensor> run(FloatTensor... inputs) {
        if (inputs == null) {
            throw new IllegalArgumentException("inputs must not be null");
        }
        if (inputs.length != this.inputs.size()) {
            throw new IllegalArgumentException("inputs: " + name + " takes " + this.inputs.size() + " inputs " + describe(this.inputs)
                    + ", got " + inputs.length);
        }
        Map<String, FloatTensor> byName = new LinkedHashMap<>();
        for (int i = 0; i < inputs.length; i++) {
            byName.put(this.inputs.get(i).name(), inputs[i]);
        }
        return new ArrayList<>(run(byName).values());
    }

    /** Runs with inputs by name; returns every output by name, in graph-output order. */
    public Map<String, FloatTensor> run(Map<String, FloatTensor> inputs) {
        if (inputs == null) {
            throw new IllegalArgumentException("inputs must not be null");
        }
        for (String key : inputs.keySet()) {
            if (this.inputs.stream().noneMatch(t -> t.name().equals(key))) {
                throw new IllegalArgumentException("inputs: " + name + " has no input '" + key + "'; inputs are " + describe(this.inputs));
            }
        }
        lock.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException(name + " is closed");
            }
            Map<String, OnnxTensor> feeds = new LinkedHashMap<>();
            try {
                for (Map.Entry<String, FloatTensor> e : inputs.entrySet()) {
                    if (e.getValue() == null) {
                        throw new IllegalArgumentException("inputs: value for '" + e.getKey() + "' is null");
                    }
                    feeds.put(e.getKey(), OnnxTensor.createTensor(ENV, FloatBuffer.wrap(e.getValue().data()), e.getValue().shape()));
                }
                try (OrtSession.Result result = session.run(feeds)) {
                    Map<String, FloatTensor> out = new LinkedHashMap<>();
                    for (Map.Entry<String, OnnxValue> e : result) {
                        out.put(e.getKey(), toFloatTensor(e.getKey(), e.getValue()));
                    }
                    return out;
                }
            } finally {
                for (OnnxTensor t : feeds.values()) {
                    t.close();
                }
            }
        } catch (OrtException e) {
            throw new ModelException(name + ": inference failed for inputs " + shapes(inputs) + ": " + e.getMessage(), e);
        } finally {
            lock.readLock().unlock();
        }
    }

    private static String shapes(Map<String, FloatTensor> inputs) {
        StringBuilder sb = new StringBuilder("{");
        inputs.forEach((k, v) -> sb.append(sb.length() > 1 ? ", " : "").append(k).append('=').append(v == null ? "null" : Arrays.toString(v.shape())));
        return sb.append('}').toString();
    }

    private FloatTensor toFloatTensor(String outputName, OnnxValue value) {
        if (!(value instanceof OnnxTensor tensor)) {
            throw new ModelException(name + ": output '" + outputName + "' is not a tensor");
        }
        long[] shape = tensor.getInfo().getShape();
        OnnxJavaType type = tensor.getInfo().type;
        float[] data = new float[Math.toIntExact(tensor.getInfo().getNumElements())];
        switch (type) {
            case FLOAT -> tensor.getFloatBuffer().get(data);
            case DOUBLE -> {
                var b = tensor.getDoubleBuffer();
                for (int i = 0; i < data.length; i++) {
                    data[i] = (float) b.get(i);
                }
            }
            case INT32 -> {
                var b = tensor.getIntBuffer();
                for (int i = 0; i < data.length; i++) {
                    data[i] = b.get(i);
                }
            }
            case INT64 -> {
                var b = tensor.getLongBuffer();
                for (int i = 0; i < data.length; i++) {
                    data[i] = b.get(i);
                }
            }
            case BOOL -> {
                var b = tensor.getByteBuffer();
                for (int i = 0; i < data.length; i++) {
                    data[i] = b.get(i) != 0 ? 1f : 0f;
                }
            }
            default -> throw new ModelException(name + ": output '" + outputName + "' has type " + type + ", which FloatTensor cannot hold");
        }
        return new FloatTensor(shape, data);
    }

    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                closeQuietly();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void closeQuietly() {
        try {
            session.close();
        } catch (OrtException e) {
            // nothing left to release on failure; the session is unusable either way
        }
    }

    @Override
    public String toString() {
        return "OnnxModel[" + name + ", inputs " + describe(inputs) + ", outputs " + describe(outputs) + "]";
    }

    /** Name and shape (-1 for symbolic dimensions) of a graph input or output. */
    public record TensorInfo(String name, long[] shape) {
        public TensorInfo {
            shape = shape.clone();
        }

        @Override
        public long[] shape() {
            return shape.clone();
        }

        @Override
        public String toString() {
            return name + Arrays.toString(shape);
        }
    }
}
