package io.face4j.detect.mtcnn;

import java.util.List;

import io.face4j.geometry.Box;
import io.face4j.image.SummedAreaTable;
import io.face4j.onnx.FloatTensor;

/**
 * Cuts candidate boxes out of the source image as one NHWC batch for RNet or ONet: each box is truncated to whole
 * pixels, cut (the part outside the image zero-padded or clipped, see {@link CropEdges}), area-resized to side x side,
 * normalised and transposed like the pyramid. Reads the image's summed-area table straight into the batch, so a box
 * costs the same whatever its size and no crop image is made.
 */
final class FaceCrops {
    private FaceCrops() {
    }

    static FloatTensor batch(SummedAreaTable table, List<Candidate> candidates, int side, CropEdges edges) {
        int itemSize = side * side * 3;
        float[] data = new float[candidates.size() * itemSize];
        for (int i = 0; i < candidates.size(); i++) {
            Box box = candidates.get(i).box();
            // The reference code's boxes are 1-based on the left/top edge (a PNet window starting at pixel 0 has
            // x1 = 1): it crops columns [trunc(x1) - 1, trunc(x2)). (int) truncates towards zero, like its trunc().
            int left = (int) box.x1() - 1;
            int top = (int) box.y1() - 1;
            int right = (int) box.x2();
            int bottom = (int) box.y2();
            if (edges == CropEdges.CLIP) {
                left = Math.max(left, 0);
                top = Math.max(top, 0);
                right = Math.min(right, table.width());
                bottom = Math.min(bottom, table.height());
                if (right <= left || bottom <= top) {
                    // wholly outside: nothing to stretch; one black (padding) pixel scores as no face
                    left = top = -1;
                    right = bottom = 0;
                }
            }
            int width = right - left;
            int height = bottom - top;
            table.writeAreaResizedNhwc(left, top, width, height, side, side, data, i * itemSize,
                    MtcnnDetector.PIXEL_MEAN, MtcnnDetector.PIXEL_SCALE, true);
        }
        return FloatTensor.of(data, candidates.size(), side, side, 3);
    }
}
