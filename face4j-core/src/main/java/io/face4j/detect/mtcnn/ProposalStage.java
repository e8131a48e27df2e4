package io.face4j.detect.mtcnn;

import java.util.ArrayList;
import java.util.List;

import io.face4j.geometry.Box;
import io.face4j.geometry.Nms;
import io.face4j.onnx.FloatTensor;

/**
 * MTCNN stage 1, the proposal network (PNet): slides a 12x12 window over every pyramid level (as one fully
 * convolutional run per level), keeps windows with face probability >= the threshold, merges them per level and then
 * across levels, applies PNet's box regression and squares the boxes for RNet. Thread-safe (immutable; the network
 * is thread-safe).
 */
final class ProposalStage {
    // PNet's output map has one cell per 2 input pixels (one 2x2 max-pool), each seeing a 12x12 window
    private static final int STRIDE = 2;
    private static final int CELL = ImagePyramid.WINDOW;

    private record Window(Box box, double score, BoxRegression regression) {
    }

    private final MtcnnNetwork pnet;
    private final MtcnnOptions options;

    ProposalStage(MtcnnNetwork pnet, MtcnnOptions options) {
        this.pnet = pnet;
        this.options = options;
    }

    List<Candidate> run(ImagePyramid pyramid) {
        List<Window> windows = new ArrayList<>();
        for (ImagePyramid.Level level : pyramid.levels()) {
            windows.addAll(Nms.suppress(scan(pyramid, level), Window::box, Window::score,
                    options.proposalScaleNms(), Nms.Overlap.UNION));
        }
        List<Window> merged = Nms.suppress(windows, Window::box, Window::score, options.proposalNms(), Nms.Overlap.UNION);
        List<Candidate> candidates = new ArrayList<>(merged.size());
        for (Window w : merged) {
            w.regression().applyTo(w.box()).ifPresent(box -> candidates.add(new Candidate(box.squaredUp(), w.score())));
        }
        return candidates;
    }

    /** The windows of one level that pass the threshold, in source pixels. */
    private List<Window> scan(ImagePyramid pyramid, ImagePyramid.Level level) {
        float[] input = new float[level.scaledWidth() * level.scaledHeight() * 3];
        pyramid.writeLevel(level, input);
        // transposed input: [1, scaledWidth, scaledHeight, 3], so output maps are [1, cellsAlongX, cellsAlongY, c]
        MtcnnNetwork.Outputs out = pnet.run(FloatTensor.of(input, 1, level.scaledWidth(), level.scaledHeight(), 3));
        FloatTensor probabilities = out.probabilities();
        float[] prob = probabilities.data();
        float[] reg = out.regression().data();
        int cellsX = (int) probabilities.shape()[1];
        int cellsY = (int) probabilities.shape()[2];
        double scale = level.scale();
        List<Window> windows = new ArrayList<>();
        for (int cx = 0; cx < cellsX; cx++) {
            for (int cy = 0; cy < cellsY; cy++) {
                int cell = cx * cellsY + cy;
                double score = prob[cell * 2 + 1];
                if (score < options.proposalThreshold()) {
                    continue;
                }
                // window [STRIDE*c, STRIDE*c + CELL) in level pixels -> source pixels, with the reference code's
                // 1-based left/top edge: floor((STRIDE*c + 1) / scale) .. floor((STRIDE*c + CELL) / scale)
                Box box = new Box(
                        Math.floor((STRIDE * cx + 1) / scale), Math.floor((STRIDE * cy + 1) / scale),
                        Math.floor((STRIDE * cx + CELL) / scale), Math.floor((STRIDE * cy + CELL) / scale));
                int r = cell * 4;
                windows.add(new Window(box, score, new BoxRegression(reg[r], reg[r + 1], reg[r + 2], reg[r + 3])));
            }
        }
        return windows;
    }
}
