package io.face4j.detect.mtcnn;

import java.util.List;
import java.util.Objects;

import io.face4j.detect.Detection;
import io.face4j.detect.FaceDetector;
import io.face4j.image.RgbImage;
import io.face4j.onnx.OnnxModel;
import io.face4j.onnx.OnnxOptions;
import io.face4j.onnx.ShippedModel;

/**
 * The MTCNN face detector (Zhang et al. 2016), following facenet-pytorch's {@code detect_face}: an image pyramid,
 * then three networks that propose, refine and finish face boxes with five landmarks. Boxes, scores and landmarks are
 * in source-image pixels; boxes follow the reference code's convention (left/top edge 1-based, so within a pixel of
 * continuous 0-based coordinates) and may reach past the image edge. Thread-safe: one instance may serve many threads
 * at once (it holds no per-call state; ONNX Runtime sessions are thread-safe). Closing it closes its three models.
 */
public final class MtcnnDetector implements FaceDetector {
    /** Input normalisation of the MTCNN networks: (pixel - 127.5) / 128, as in facenet-pytorch ((x - 127.5) * 0.0078125). */
    static final float PIXEL_MEAN = 127.5f;
    static final float PIXEL_SCALE = 128f;

    private final MtcnnOptions options;
    private final MtcnnNetwork pnet;
    private final MtcnnNetwork rnet;
    private final MtcnnNetwork onet;
    private final ProposalStage proposal;
    private final RefineStage refine;
    private final OutputStage output;

    /**
     * A detector over the given networks, which it then owns (closes). The networks must take the transposed NHWC
     * input of the original MTCNN weights (width and height swapped), as the shipped TFLite models do; their
     * signatures are checked here and a mismatch throws ModelException naming the model and its shapes.
     */
    public MtcnnDetector(OnnxModel pnet, OnnxModel rnet, OnnxModel onet, MtcnnOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.pnet = MtcnnNetwork.check(pnet, "pnet", 0, false);
        this.rnet = MtcnnNetwork.check(rnet, "rnet", RefineStage.SIDE, false);
        this.onet = MtcnnNetwork.check(onet, "onet", OutputStage.SIDE, true);
        this.proposal = new ProposalStage(this.pnet, options);
        this.refine = new RefineStage(this.rnet, options);
        this.output = new OutputStage(this.onet, options);
    }

    /** A detector over the shipped PNet, RNet and ONet models. */
    public static MtcnnDetector create(MtcnnOptions options) {
        return create(options, OnnxOptions.defaults());
    }

    /** A detector over the shipped models with the given session settings. */
    public static MtcnnDetector create(MtcnnOptions options, OnnxOptions onnxOptions) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(onnxOptions, "onnxOptions");
        OnnxModel p = null;
        OnnxModel r = null;
        OnnxModel o = null;
        try {
            p = OnnxModel.load(ShippedModel.PNET, onnxOptions);
            r = OnnxModel.load(ShippedModel.RNET, onnxOptions);
            o = OnnxModel.load(ShippedModel.ONET, onnxOptions);
            return new MtcnnDetector(p, r, o, options);
        } catch (RuntimeException e) {
            closeQuietly(p, e);
            closeQuietly(r, e);
            closeQuietly(o, e);
            throw e;
        }
    }

    /** The default detector ({@link MtcnnOptions#defaults()}). */
    public static MtcnnDetector create() {
        return create(MtcnnOptions.defaults());
    }

    public MtcnnOptions options() {
        return options;
    }

    // the stages and networks, for MtcnnStageTimings (test sources)
    MtcnnNetwork pnet() {
        return pnet;
    }

    MtcnnNetwork rnet() {
        return rnet;
    }

    MtcnnNetwork onet() {
        return onet;
    }

    ProposalStage proposal() {
        return proposal;
    }

    RefineStage refine() {
        return refine;
    }

    OutputStage output() {
        return output;
    }

    @Override
    public List<Detection> detect(RgbImage image) {
        Objects.requireNonNull(image, "image");
        ImagePyramid pyramid = ImagePyramid.of(image, options.minFaceSize(), options.pyramidFactor());
        List<Candidate> candidates = proposal.run(pyramid);
        candidates = refine.run(pyramid.table(), candidates);
        return options.selection().apply(output.run(pyramid.table(), candidates));
    }

    @Override
    public void close() {
        try (pnet; rnet; onet) {
            // try-with-resources closes all three even if one throws
        }
    }

    private static void closeQuietly(OnnxModel model, RuntimeException failure) {
        if (model != null) {
            try {
                model.close();
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
    }
}
