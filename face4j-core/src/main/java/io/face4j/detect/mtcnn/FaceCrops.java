package io.face4j.detect.mtcnn;

import java.util.List;

import io.face4j.geometry.Box;
import io.face4j.image.RgbImage;
import io.face4j.onnx.FloatTensor;

/**
 * Cuts candidate boxes out of the source image as one NHWC batch for RNet or ONet: each box is truncated to whole
 * pixels, cut with black (zero) padding where it leaves the image (the MTCNN reference code's {@code pad}), area-resized
 * to side x side, normalised and transposed like the pyramid.
 */
final class FaceCrops {
    private FaceCrops() {
    }

    static FloatTensor batch(RgbImage image, List<Candidate> candidates, int side) {
        int itemSize = side * side * 3;
        float[] data = new float[candidates.size() * itemSize];
        for (int i = 0; i < candidates.size(); i++) {
            Box box = candidates.get(i).box();
            // The reference code's boxes are 1-based on the left/top edge (a PNet window starting at pixel 0 has
            // x1 = 1): it crops columns [trunc(x1) - 1, trunc(x2)). (int) truncates towards zero, like its trunc().
            int left = (int) box.x1() - 1;
            int top = (int) box.y1() - 1;
            int width = (int) box.x2() - left;
            int height = (int) box.y2() - top;
            image.crop(left, top, width, height)
                    .writeAreaResizedNhwc(side, side, data, i * itemSize, MtcnnDetector.PIXEL_MEAN, MtcnnDetector.PIXEL_SCALE, true);
        }
        return FloatTensor.of(data, candidates.size(), side, side, 3);
    }
}
