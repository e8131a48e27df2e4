package io.face4j.align;

import java.util.Objects;

import io.face4j.detect.Detection;
import io.face4j.geometry.Box;
import io.face4j.image.RgbImage;

/**
 * The crop FaceNet-style models are trained on, as facenet-pytorch's {@code extract_face} makes it: the detection box
 * grown by a margin given in output pixels (scaled to the box: margin * box side / (size - margin)), cut to the image,
 * truncated to whole pixels, and resized to size x size with PIL's bilinear filter (which averages when shrinking).
 * No rotation. Immutable; thread-safe.
 */
public final class MarginCropAligner implements FaceAligner {
    private final int size;
    private final int margin;

    /**
     * @param size   side of the output in pixels
     * @param margin margin in output pixels, split evenly between the two sides (0 <= margin < size)
     */
    public MarginCropAligner(int size, int margin) {
        if (size <= 0) {
            throw new IllegalArgumentException("size must be > 0, got " + size);
        }
        if (margin < 0 || margin >= size) {
            throw new IllegalArgumentException("margin must be in [0, size), got " + margin + " for size " + size);
        }
        this.size = size;
        this.margin = margin;
    }

    /** 160x160 with a 20-pixel margin: the FaceNet (VGGFace2 InceptionResnetV1) recipe. */
    public static MarginCropAligner facenet() {
        return new MarginCropAligner(160, 20);
    }

    @Override
    public int size() {
        return size;
    }

    public int margin() {
        return margin;
    }

    /**
     * The whole-pixel region of the source image this aligner crops for {@code box}: [x1, x2) x [y1, y2) with
     * integer coordinates inside the image.
     */
    public Box cropRegion(Box box, int imageWidth, int imageHeight) {
        Objects.requireNonNull(box, "box");
        // margin in output pixels -> source pixels: the box (without margin) fills size - margin output pixels
        double marginX = margin * box.width() / (size - margin);
        double marginY = margin * box.height() / (size - margin);
        // (int) truncates like Python's int(); the values are >= 0 here so it is floor
        int x1 = (int) Math.max(box.x1() - marginX / 2, 0);
        int y1 = (int) Math.max(box.y1() - marginY / 2, 0);
        int x2 = (int) Math.min(box.x2() + marginX / 2, imageWidth);
        int y2 = (int) Math.min(box.y2() + marginY / 2, imageHeight);
        if (x2 <= x1 || y2 <= y1) {
            throw new IllegalArgumentException("box " + box + " does not overlap the " + imageWidth + "x" + imageHeight + " image");
        }
        return new Box(x1, y1, x2, y2);
    }

    @Override
    public RgbImage align(RgbImage image, Detection detection) {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(detection, "detection");
        return align(image, detection.box());
    }

    /** The margin crop around {@code box}. */
    public RgbImage align(RgbImage image, Box box) {
        Objects.requireNonNull(image, "image");
        Box region = cropRegion(box, image.width(), image.height());
        RgbImage crop = image.crop((int) region.x1(), (int) region.y1(), (int) region.width(), (int) region.height());
        return PilBilinearResize.resize(crop, size, size);
    }

    @Override
    public String toString() {
        return "MarginCropAligner[size=" + size + ", margin=" + margin + "]";
    }
}
