package io.face4j.detect.mtcnn;

import java.util.ArrayList;
import java.util.List;

import io.face4j.geometry.Box;
import io.face4j.geometry.Nms;
import io.face4j.image.SummedAreaTable;

/**
 * MTCNN stage 2, the refinement network (RNet): scores 24x24 crops of all candidates in one batch, keeps those above
 * the threshold, merges overlapping ones, applies RNet's box regression and squares the boxes for ONet.
 * Thread-safe (immutable; the network is thread-safe).
 */
final class RefineStage {
    static final int SIDE = 24; // R-Net input, MTCNN paper

    private record Scored(Box box, double score, BoxRegression regression) {
    }

    private final MtcnnNetwork rnet;
    private final MtcnnOptions options;

    RefineStage(MtcnnNetwork rnet, MtcnnOptions options) {
        this.rnet = rnet;
        this.options = options;
    }

    List<Candidate> run(SummedAreaTable table, List<Candidate> candidates) {
        List<Scored> passed = new ArrayList<>();
        for (List<Candidate> chunk : Chunks.of(candidates)) {
            MtcnnNetwork.Outputs out = rnet.run(FaceCrops.batch(table, chunk, SIDE, options.cropEdges()));
            float[] prob = out.probabilities().data();
            float[] reg = out.regression().data();
            for (int i = 0; i < chunk.size(); i++) {
                double score = prob[i * 2 + 1];
                if (score > options.refineThreshold()) {
                    passed.add(new Scored(chunk.get(i).box(), score,
                            new BoxRegression(reg[i * 4], reg[i * 4 + 1], reg[i * 4 + 2], reg[i * 4 + 3])));
                }
            }
        }
        List<Candidate> refined = new ArrayList<>();
        for (Scored s : Nms.suppress(passed, Scored::box, Scored::score, options.refineNms(), Nms.Overlap.UNION)) {
            s.regression().applyInclusiveTo(s.box()).ifPresent(box -> refined.add(new Candidate(box.squaredUp(), s.score())));
        }
        return refined;
    }
}
