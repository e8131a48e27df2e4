package io.face4j.detect.mtcnn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import io.face4j.onnx.FloatTensor;
import io.face4j.onnx.ModelException;
import io.face4j.onnx.OnnxModel;

/**
 * One of the three MTCNN networks with its signature checked when wrapped: a single NHWC input with 3 channels (of
 * side x side pixels for RNet and ONet), and outputs told apart by their last dimension: 2 = face probabilities,
 * 4 = box regression, 10 = landmarks (ONet only). Converted graphs keep the TFLite output names (e.g. "rnet/prob1",
 * "rnet/conv5-2/conv5-2") but users' own exports may not, and the last dimensions are unambiguous.
 * Thread-safe as its model is.
 */
final class MtcnnNetwork implements AutoCloseable {
    /** Raw outputs of one run. {@code landmarks} is null for PNet and RNet. */
    record Outputs(FloatTensor probabilities, FloatTensor regression, FloatTensor landmarks) {
    }

    private final OnnxModel model;
    private final int probabilityIndex;
    private final int regressionIndex;
    private final int landmarkIndex;

    private MtcnnNetwork(OnnxModel model, int probabilityIndex, int regressionIndex, int landmarkIndex) {
        this.model = model;
        this.probabilityIndex = probabilityIndex;
        this.regressionIndex = regressionIndex;
        this.landmarkIndex = landmarkIndex;
    }

    /**
     * Wraps {@code model} after checking it looks like the {@code role} network; throws ModelException naming the
     * model and its shapes when it does not.
     *
     * @param side      the fixed input side (24 for RNet, 48 for ONet), or 0 for PNet's any-size input
     * @param landmarks whether a 10-value landmark output is required
     */
    static MtcnnNetwork check(OnnxModel model, String role, int side, boolean landmarks) {
        Objects.requireNonNull(model, role);
        String expected = "outputs [..., 2], [..., 4]" + (landmarks ? ", [..., 10]" : "");
        if (model.inputs().size() != 1) {
            throw mismatch(model, role, "one input; " + expected);
        }
        // [N, W, H, 3]: transposed NHWC; PNet takes any size
        model.requireInput(0, -1, side > 0 ? side : -1, side > 0 ? side : -1, 3);
        int probability = -1;
        int regression = -1;
        int landmark = -1;
        List<OnnxModel.TensorInfo> outputs = model.outputs();
        for (int i = 0; i < outputs.size(); i++) {
            long[] shape = outputs.get(i).shape();
            long last = shape.length == 0 ? -1 : shape[shape.length - 1];
            if (last == 2 && probability < 0) {
                probability = i;
            } else if (last == 4 && regression < 0) {
                regression = i;
            } else if (last == 10 && landmark < 0) {
                landmark = i;
            }
        }
        if (probability < 0 || regression < 0 || (landmarks && landmark < 0)) {
            throw mismatch(model, role, expected);
        }
        return new MtcnnNetwork(model, probability, regression, landmarks ? landmark : -1);
    }

    Outputs run(FloatTensor input) {
        List<FloatTensor> out = model.run(input);
        return new Outputs(out.get(probabilityIndex), out.get(regressionIndex),
                landmarkIndex >= 0 ? out.get(landmarkIndex) : null);
    }

    @Override
    public void close() {
        model.close();
    }

    private static ModelException mismatch(OnnxModel model, String role, String expected) {
        List<String> inputs = new ArrayList<>();
        for (OnnxModel.TensorInfo t : model.inputs()) {
            inputs.add(t.name() + Arrays.toString(t.shape()));
        }
        List<String> outputs = new ArrayList<>();
        for (OnnxModel.TensorInfo t : model.outputs()) {
            outputs.add(t.name() + Arrays.toString(t.shape()));
        }
        return new ModelException(role + " model " + model.name() + " does not look like MTCNN's " + role
                + ": " + expected + "; it has inputs " + inputs + " and outputs " + outputs);
    }
}
