package io.face4j.embed;

import java.util.Arrays;
import java.util.Objects;

/**
 * What an embedding model expects and returns, so that a user's own ONNX export works by pointing at the file:
 * input size, tensor layout, channel order, normalisation {@code (byte - mean) / std} per channel (given in the
 * model's channel order), the alignment that produces its input crops, which output holds the embedding and whether
 * to L2-normalise it. Use a preset ({@link #mobileFaceNet()}, {@link #arcFace}, {@link #facenetPytorch}) and withers.
 * Immutable and thread-safe.
 *
 * @param modelId      id stamped on every {@link Embedding}; embeddings with different ids are not compared
 * @param inputSize    side of the square input in pixels
 * @param layout       NHWC (TFLite/Keras) or NCHW (PyTorch)
 * @param channelOrder order of the three channels in the tensor
 * @param mean         per-channel mean, 3 values in tensor channel order
 * @param std          per-channel standard deviation, 3 values in tensor channel order
 * @param alignment    how a detected face becomes the input crop
 * @param margin       MARGIN_CROP only: margin in output pixels around the box, as facenet-pytorch's {@code margin}
 * @param outputName   the output holding the embedding, or null for the model's first output
 * @param l2Normalize  whether to scale the output to unit length
 */
public record EmbedderDescriptor(String modelId, int inputSize, Layout layout, ChannelOrder channelOrder, float[] mean, float[] std,
                                 Alignment alignment, int margin, String outputName, boolean l2Normalize) {

    /** Memory layout of the input tensor. */
    public enum Layout { NHWC, NCHW }

    /** Channel order of the input tensor. */
    public enum ChannelOrder { RGB, BGR }

    /** How a detection becomes the model's input crop. */
    public enum Alignment {
        /** Similarity warp of the five landmarks to the ArcFace 112x112 template (scaled to the input size). */
        ARCFACE,
        /** Box plus margin, cropped and resized to the input size (facenet-pytorch {@code extract_face}). */
        MARGIN_CROP
    }

    public EmbedderDescriptor {
        if (modelId == null || modelId.isBlank()) {
            throw new IllegalArgumentException("modelId must not be blank");
        }
        if (inputSize < 8 || inputSize > 4096) {
            throw new IllegalArgumentException("inputSize must be in [8, 4096], got " + inputSize);
        }
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(channelOrder, "channelOrder");
        Objects.requireNonNull(alignment, "alignment");
        mean = perChannel(mean, "mean");
        std = perChannel(std, "std");
        for (float s : std) {
            if (!(s > 0)) {
                throw new IllegalArgumentException("std must be > 0, got " + Arrays.toString(std));
            }
        }
        if (margin < 0) {
            throw new IllegalArgumentException("margin must be >= 0, got " + margin);
        }
        if (outputName != null && outputName.isBlank()) {
            throw new IllegalArgumentException("outputName must be null (first output) or a name, got a blank string");
        }
    }

    /**
     * The shipped MobileFaceNet (sirius-ai/MobileFaceNet_TF as in its Android demo): 112x112 NHWC RGB,
     * {@code (x - 127.5) / 128}, ArcFace-template alignment, 192-d output that is not normalised in the graph.
     */
    public static EmbedderDescriptor mobileFaceNet() {
        return new EmbedderDescriptor("mobilefacenet-192", 112, Layout.NHWC, ChannelOrder.RGB,
                new float[] {127.5f}, new float[] {128f}, Alignment.ARCFACE, 0, null, true);
    }

    /**
     * An insightface ArcFace export (e.g. buffalo_l's w600k_r50.onnx): 112x112 NCHW RGB, {@code (x - 127.5) / 127.5}
     * (insightface's arcface_onnx defaults when the graph has no normalisation of its own), template alignment.
     */
    public static EmbedderDescriptor arcFace(String modelId) {
        return new EmbedderDescriptor(modelId, 112, Layout.NCHW, ChannelOrder.RGB,
                new float[] {127.5f}, new float[] {127.5f}, Alignment.ARCFACE, 0, null, true);
    }

    /**
     * A facenet-pytorch InceptionResnetV1 export: 160x160 NCHW RGB, {@code (x - 127.5) / 128}
     * ({@code fixed_image_standardization}), margin crop with facenet-pytorch's default margin 0; the graph already
     * normalises (normalising again is harmless).
     */
    public static EmbedderDescriptor facenetPytorch(String modelId) {
        return new EmbedderDescriptor(modelId, 160, Layout.NCHW, ChannelOrder.RGB,
                new float[] {127.5f}, new float[] {128f}, Alignment.MARGIN_CROP, 0, null, true);
    }

    public EmbedderDescriptor withModelId(String id) {
        return new EmbedderDescriptor(id, inputSize, layout, channelOrder, mean, std, alignment, margin, outputName, l2Normalize);
    }

    public EmbedderDescriptor withInputSize(int size) {
        return new EmbedderDescriptor(modelId, size, layout, channelOrder, mean, std, alignment, margin, outputName, l2Normalize);
    }

    public EmbedderDescriptor withLayout(Layout value) {
        return new EmbedderDescriptor(modelId, inputSize, value, channelOrder, mean, std, alignment, margin, outputName, l2Normalize);
    }

    public EmbedderDescriptor withChannelOrder(ChannelOrder value) {
        return new EmbedderDescriptor(modelId, inputSize, layout, value, mean, std, alignment, margin, outputName, l2Normalize);
    }

    /** One value for all channels, or three in tensor channel order. */
    public EmbedderDescriptor withNormalization(float[] meanValues, float[] stdValues) {
        return new EmbedderDescriptor(modelId, inputSize, layout, channelOrder, meanValues, stdValues, alignment, margin, outputName, l2Normalize);
    }

    public EmbedderDescriptor withAlignment(Alignment value, int marginPixels) {
        return new EmbedderDescriptor(modelId, inputSize, layout, channelOrder, mean, std, value, marginPixels, outputName, l2Normalize);
    }

    public EmbedderDescriptor withOutputName(String name) {
        return new EmbedderDescriptor(modelId, inputSize, layout, channelOrder, mean, std, alignment, margin, name, l2Normalize);
    }

    public EmbedderDescriptor withL2Normalize(boolean value) {
        return new EmbedderDescriptor(modelId, inputSize, layout, channelOrder, mean, std, alignment, margin, outputName, value);
    }

    @Override
    public float[] mean() {
        return mean.clone();
    }

    @Override
    public float[] std() {
        return std.clone();
    }

    /** Mean of tensor channel {@code c} without copying. */
    float meanOf(int c) {
        return mean[c];
    }

    float stdOf(int c) {
        return std[c];
    }

    private static float[] perChannel(float[] values, String name) {
        if (values == null || (values.length != 1 && values.length != 3)) {
            throw new IllegalArgumentException(name + " must have 1 or 3 values, got "
                    + (values == null ? "null" : Arrays.toString(values)));
        }
        for (float v : values) {
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException(name + " must be finite, got " + Arrays.toString(values));
            }
        }
        return values.length == 3 ? values.clone() : new float[] {values[0], values[0], values[0]};
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EmbedderDescriptor d && modelId.equals(d.modelId) && inputSize == d.inputSize && layout == d.layout
                && channelOrder == d.channelOrder && Arrays.equals(mean, d.mean) && Arrays.equals(std, d.std)
                && alignment == d.alignment && margin == d.margin && Objects.equals(outputName, d.outputName)
                && l2Normalize == d.l2Normalize;
    }

    @Override
    public int hashCode() {
        return Objects.hash(modelId, inputSize, layout, channelOrder, Arrays.hashCode(mean), Arrays.hashCode(std), alignment, margin,
                outputName, l2Normalize);
    }

    @Override
    public String toString() {
        return "EmbedderDescriptor[" + modelId + ", " + inputSize + "x" + inputSize + " " + layout + " " + channelOrder + ", mean "
                + Arrays.toString(mean) + ", std " + Arrays.toString(std) + ", " + alignment + (alignment == Alignment.MARGIN_CROP
                ? " margin " + margin : "") + ", output " + (outputName == null ? "<first>" : outputName) + ", l2Normalize "
                + l2Normalize + "]";
    }
}
