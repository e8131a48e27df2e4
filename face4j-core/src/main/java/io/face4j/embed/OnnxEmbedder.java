package io.face4j.embed;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.face4j.align.FaceAligner;
import io.face4j.image.RgbImage;
import io.face4j.onnx.FloatTensor;
import io.face4j.onnx.OnnxModel;
import io.face4j.onnx.OnnxOptions;
import io.face4j.onnx.ShippedModel;

/**
 * A {@link FaceEmbedder} backed by an ONNX model described by an {@link EmbedderDescriptor}. Pre-processing, the run
 * and post-processing are separate steps; a list of faces goes through one ONNX Runtime call per chunk of
 * {@link EmbedderOptions#batchSize()} tensor rows. The model's signature is checked against the descriptor when the
 * embedder is built. Thread-safe (immutable; the session supports concurrent runs).
 */
public final class OnnxEmbedder implements FaceEmbedder {

    private final OnnxModel model;
    private final boolean ownsModel;
    private final EmbedderDescriptor descriptor;
    private final EmbedderOptions options;
    private final FaceAligner aligner;
    private final String inputName;
    private final String outputName;
    /** Fixed batch size of the graph, or -1 when the batch dimension is symbolic. */
    private final int fixedBatch;
    private final int dimension;

    private OnnxEmbedder(OnnxModel model, boolean ownsModel, EmbedderDescriptor descriptor, EmbedderOptions options,
                         FaceAligner aligner) {
        this.model = model;
        this.ownsModel = ownsModel;
        this.descriptor = descriptor;
        this.options = options;
        this.aligner = aligner;
        OnnxModel.TensorInfo input = checkInput(model, descriptor);
        this.inputName = input.name();
        this.fixedBatch = (int) input.shape()[0];
        OnnxModel.TensorInfo output = findOutput(model, descriptor);
        this.outputName = output.name();
        int declared = declaredDimension(output);
        this.dimension = declared > 0 ? declared : probeDimension();
    }

    /** The shipped MobileFaceNet (192-d, L2-normalised) with default options. */
    public static OnnxEmbedder mobileFaceNet() {
        return mobileFaceNet(EmbedderOptions.defaults());
    }

    /** The shipped MobileFaceNet (192-d, L2-normalised). */
    public static OnnxEmbedder mobileFaceNet(EmbedderOptions options) {
        return shipped(EmbedderDescriptor.mobileFaceNet(), options);
    }

    /**
     * The shipped MobileFaceNet weights with another descriptor, e.g. {@code mobileFaceNet().withAlignment(MARGIN_CROP, 0)}
     * to compare alignments (the signature is still checked against it).
     */
    public static OnnxEmbedder shipped(EmbedderDescriptor descriptor, EmbedderOptions options) {
        requireArguments(descriptor, options);
        return loadOwned(OnnxModel.load(ShippedModel.MOBILEFACENET, options.onnx()), descriptor, options);
    }

    /** Loads a user's .onnx (or .tflite) file described by {@code descriptor}; the embedder closes the model. */
    public static OnnxEmbedder load(Path file, EmbedderDescriptor descriptor, EmbedderOptions options) {
        if (file == null) {
            throw new IllegalArgumentException("file must not be null");
        }
        requireArguments(descriptor, options);
        return loadOwned(OnnxModel.load(file, options.onnx()), descriptor, options);
    }

    /**
     * Wraps a model the caller opened and keeps closing; {@link EmbedderOptions#onnx()} is not used.
     * The aligner comes from the descriptor's alignment mode.
     */
    public static OnnxEmbedder of(OnnxModel model, EmbedderDescriptor descriptor, EmbedderOptions options) {
        if (model == null) {
            throw new IllegalArgumentException("model must not be null");
        }
        requireArguments(descriptor, options);
        return new OnnxEmbedder(model, false, descriptor, options, Alignments.alignerFor(descriptor));
    }

    private static OnnxEmbedder loadOwned(OnnxModel model, EmbedderDescriptor descriptor, EmbedderOptions options) {
        try {
            return new OnnxEmbedder(model, true, descriptor, options, Alignments.alignerFor(descriptor));
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    private static void requireArguments(EmbedderDescriptor descriptor, EmbedderOptions options) {
        if (descriptor == null) {
            throw new IllegalArgumentException("descriptor must not be null");
        }
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
    }

    @Override
    public List<Embedding> embed(List<RgbImage> alignedFaces) {
        if (alignedFaces == null) {
            throw new IllegalArgumentException("alignedFaces must not be null");
        }
        for (int i = 0; i < alignedFaces.size(); i++) {
            if (alignedFaces.get(i) == null) {
                throw new IllegalArgumentException("alignedFaces[" + i + "] is null");
            }
        }
        int copies = options.flipAugmentation() ? 2 : 1;
        int rows = alignedFaces.size() * copies;
        // Row r holds face r / copies, mirrored when r % copies == 1, so a face and its mirror share a chunk when possible.
        float[][] outputs = new float[rows][];
        int chunk = fixedBatch > 0 ? fixedBatch : options.batchSize();
        for (int start = 0; start < rows; start += chunk) {
            int count = Math.min(chunk, rows - start);
            float[][] chunkOutputs = runChunk(alignedFaces, copies, start, count, fixedBatch > 0 ? fixedBatch : count);
            System.arraycopy(chunkOutputs, 0, outputs, start, count);
        }
        List<Embedding> embeddings = new ArrayList<>(alignedFaces.size());
        for (int i = 0; i < alignedFaces.size(); i++) {
            float[] vector = outputs[i * copies];
            if (copies == 2) {
                vector = vector.clone();
                float[] mirrored = outputs[i * copies + 1];
                for (int k = 0; k < vector.length; k++) {
                    vector[k] += mirrored[k];
                }
            }
            if (descriptor.l2Normalize() || copies == 2) {
                vector = Embedding.unitLength(vector);
            }
            embeddings.add(new Embedding(vector, descriptor.modelId()));
        }
        return embeddings;
    }

    /** Pre-process rows [start, start + count), run once (padded to {@code batch} rows), post-process. */
    private float[][] runChunk(List<RgbImage> faces, int copies, int start, int count, int batch) {
        int size = descriptor.inputSize();
        int perRow = size * size * 3;
        float[] data = new float[batch * perRow];
        for (int r = 0; r < count; r++) {
            int row = start + r;
            RgbImage face = toInputSize(faces.get(row / copies));
            Preprocessing.write(face, descriptor, row % copies == 1, data, r * perRow);
        }
        FloatTensor output = run(new FloatTensor(inputShape(batch), data));
        float[] values = output.data();
        if (values.length != (long) batch * dimension) {
            throw new IllegalStateException(model.name() + ": output '" + outputName + "' has shape " + Arrays.toString(output.shape())
                    + ", expected " + batch + " x " + dimension);
        }
        float[][] rows = new float[count][];
        for (int r = 0; r < count; r++) {
            rows[r] = Arrays.copyOfRange(values, r * dimension, (r + 1) * dimension);
        }
        return rows;
    }

    private FloatTensor run(FloatTensor input) {
        Map<String, FloatTensor> outputs = model.run(Map.of(inputName, input));
        FloatTensor output = outputs.get(outputName);
        if (output == null) {
            throw new IllegalStateException(model.name() + ": run returned no output '" + outputName + "', got " + outputs.keySet());
        }
        return output;
    }

    private long[] inputShape(int batch) {
        int size = descriptor.inputSize();
        return descriptor.layout() == EmbedderDescriptor.Layout.NHWC
                ? new long[] {batch, size, size, 3}
                : new long[] {batch, 3, size, size};
    }

    private RgbImage toInputSize(RgbImage face) {
        int size = descriptor.inputSize();
        if (face.width() == size && face.height() == size) {
            return face;
        }
        // Area averaging when shrinking avoids aliasing; bilinear when enlarging.
        return face.width() > size && face.height() > size ? face.resizeArea(size, size) : face.resizeBilinear(size, size);
    }

    private static OnnxModel.TensorInfo checkInput(OnnxModel model, EmbedderDescriptor d) {
        List<OnnxModel.TensorInfo> inputs = model.inputs();
        if (inputs.size() != 1) {
            throw new IllegalArgumentException(model.name() + ": an embedding model needs exactly one input, found " + describe(inputs));
        }
        OnnxModel.TensorInfo input = inputs.get(0);
        long[] expected = d.layout() == EmbedderDescriptor.Layout.NHWC
                ? new long[] {-1, d.inputSize(), d.inputSize(), 3}
                : new long[] {-1, 3, d.inputSize(), d.inputSize()};
        long[] actual = input.shape();
        boolean matches = actual.length == 4;
        for (int i = 1; matches && i < 4; i++) {
            matches = actual[i] == expected[i] || actual[i] == -1;
        }
        if (!matches) {
            throw new IllegalArgumentException(model.name() + ": input '" + input.name() + "' has shape " + Arrays.toString(actual)
                    + " but the descriptor (" + d.layout() + ", inputSize " + d.inputSize() + ") expects " + Arrays.toString(expected)
                    + " (-1 = any)");
        }
        return input;
    }

    private static OnnxModel.TensorInfo findOutput(OnnxModel model, EmbedderDescriptor d) {
        List<OnnxModel.TensorInfo> outputs = model.outputs();
        if (outputs.isEmpty()) {
            throw new IllegalArgumentException(model.name() + ": the model has no outputs");
        }
        OnnxModel.TensorInfo output = outputs.get(0);
        if (d.outputName() != null) {
            output = outputs.stream().filter(o -> o.name().equals(d.outputName())).findFirst().orElseThrow(() ->
                    new IllegalArgumentException(model.name() + ": no output named '" + d.outputName() + "'; outputs are " + describe(outputs)));
        }
        long[] shape = output.shape();
        boolean vectorPerRow = shape.length >= 2;
        for (int i = 2; vectorPerRow && i < shape.length; i++) {
            vectorPerRow = shape[i] == 1; // [n, d, 1, 1] from a final 1x1 convolution is still one vector per face
        }
        if (!vectorPerRow) {
            throw new IllegalArgumentException(model.name() + ": output '" + output.name() + "' has shape " + Arrays.toString(shape)
                    + "; an embedding output must be [batch, dimension] (optionally followed by 1s)");
        }
        return output;
    }

    private static int declaredDimension(OnnxModel.TensorInfo output) {
        long d = output.shape()[1];
        return d > 0 ? Math.toIntExact(d) : -1;
    }

    /** The output dimension is symbolic: run one blank face to learn it. */
    private int probeDimension() {
        int batch = fixedBatch > 0 ? fixedBatch : 1;
        int size = descriptor.inputSize();
        FloatTensor output = run(new FloatTensor(inputShape(batch), new float[batch * size * size * 3]));
        return Math.toIntExact(output.data().length / batch);
    }

    private static String describe(List<OnnxModel.TensorInfo> infos) {
        StringBuilder sb = new StringBuilder("[");
        for (OnnxModel.TensorInfo info : infos) {
            sb.append(sb.length() > 1 ? ", " : "").append(info.name()).append(' ').append(Arrays.toString(info.shape()));
        }
        return sb.append(']').toString();
    }

    @Override
    public FaceAligner aligner() {
        return aligner;
    }

    @Override
    public String modelId() {
        return descriptor.modelId();
    }

    @Override
    public int dimension() {
        return dimension;
    }

    public EmbedderDescriptor descriptor() {
        return descriptor;
    }

    public EmbedderOptions options() {
        return options;
    }

    @Override
    public void close() {
        if (ownsModel) {
            model.close();
        }
    }
}
