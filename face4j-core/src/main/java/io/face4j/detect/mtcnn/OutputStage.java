package io.face4j.detect.mtcnn;

import java.util.ArrayList;
import java.util.List;

import io.face4j.detect.Detection;
import io.face4j.geometry.Box;
import io.face4j.geometry.Landmarks;
import io.face4j.geometry.Nms;
import io.face4j.geometry.Point;
import io.face4j.image.SummedAreaTable;

/**
 * MTCNN stage 3, the output network (ONet): scores 48x48 crops of all candidates in one batch, keeps those above the
 * threshold, reads the five landmarks, applies ONet's box regression and drops faces mostly inside a more confident
 * one ("Min" overlap). Faces come out most confident first. Thread-safe (immutable; the network is thread-safe).
 */
final class OutputStage {
    static final int SIDE = 48; // O-Net input, MTCNN paper

    private final MtcnnNetwork onet;
    private final MtcnnOptions options;

    OutputStage(MtcnnNetwork onet, MtcnnOptions options) {
        this.onet = onet;
        this.options = options;
    }

    List<Detection> run(SummedAreaTable table, List<Candidate> candidates) {
        List<Detection> faces = new ArrayList<>();
        for (List<Candidate> chunk : Chunks.of(candidates)) {
            MtcnnNetwork.Outputs out = onet.run(FaceCrops.batch(table, chunk, SIDE, options.cropEdges()));
            float[] prob = out.probabilities().data();
            float[] reg = out.regression().data();
            float[] marks = out.landmarks().data();
            for (int i = 0; i < chunk.size(); i++) {
                double score = prob[i * 2 + 1];
                if (!(score > options.outputThreshold())) {
                    continue;
                }
                Box box = chunk.get(i).box();
                Landmarks landmarks = landmarks(box, marks, i * 10);
                var regression = new BoxRegression(reg[i * 4], reg[i * 4 + 1], reg[i * 4 + 2], reg[i * 4 + 3]);
                // softmax output can exceed 1 by a rounding error
                double probability = Math.min(1.0, score);
                regression.applyInclusiveTo(box).ifPresent(b -> faces.add(new Detection(b, probability, landmarks)));
            }
        }
        return Nms.suppress(faces, Detection::box, Detection::score, options.outputNms(), Nms.Overlap.MIN);
    }

    /**
     * ONet gives the five points as fractions of the (pre-regression) input box: x1..x5 then y1..y5. As in the
     * reference code, x = (x2 - x1 + 1) * fraction + x1 - 1 (which also turns its 1-based left edge 0-based).
     */
    private static Landmarks landmarks(Box box, float[] marks, int offset) {
        double w = box.width() + 1;
        double h = box.height() + 1;
        List<Point> points = new ArrayList<>(5);
        for (int k = 0; k < 5; k++) {
            points.add(new Point(w * marks[offset + k] + box.x1() - 1, h * marks[offset + 5 + k] + box.y1() - 1));
        }
        return new Landmarks(points);
    }
}
