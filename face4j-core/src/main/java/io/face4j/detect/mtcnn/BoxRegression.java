package io.face4j.detect.mtcnn;

import java.util.Optional;

import io.face4j.geometry.Box;

/**
 * A network's box correction: each corner moves by a fraction of the box's width (x) or height (y).
 *
 * <p>MTCNN measures that width in two ways and both are kept for parity with the reference code: PNet's offsets are
 * scaled by x2 - x1, RNet's and ONet's by x2 - x1 + 1 (the MATLAB code's inclusive pixel count).
 */
record BoxRegression(double dx1, double dy1, double dx2, double dy2) {

    /** Offsets scaled by the box's continuous size (PNet). */
    Optional<Box> applyTo(Box box) {
        return corrected(box, box.width(), box.height());
    }

    /** Offsets scaled by the box's inclusive pixel count, size + 1 (RNet and ONet). */
    Optional<Box> applyInclusiveTo(Box box) {
        return corrected(box, box.width() + 1, box.height() + 1);
    }

    /** Empty when the correction would turn the box inside out (a meaningless output; the candidate is dropped). */
    private Optional<Box> corrected(Box box, double width, double height) {
        double x1 = box.x1() + dx1 * width;
        double y1 = box.y1() + dy1 * height;
        double x2 = box.x2() + dx2 * width;
        double y2 = box.y2() + dy2 * height;
        if (!(x1 <= x2 && y1 <= y2)) {
            return Optional.empty();
        }
        return Optional.of(new Box(x1, y1, x2, y2));
    }
}
