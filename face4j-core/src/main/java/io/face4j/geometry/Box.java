package io.face4j.geometry;

/**
 * An axis-aligned box in source-image pixels with continuous coordinates: x1 <= x2, y1 <= y2, all finite. A box may
 * reach past the image edges (a detector's box around a face cut by the edge does). Immutable; thread-safe.
 */
public record Box(double x1, double y1, double x2, double y2) {
    public Box {
        if (!Double.isFinite(x1) || !Double.isFinite(y1) || !Double.isFinite(x2) || !Double.isFinite(y2)) {
            throw new IllegalArgumentException("box needs finite coordinates, got " + describe(x1, y1, x2, y2));
        }
        if (x2 < x1 || y2 < y1) {
            throw new IllegalArgumentException("box is inverted (needs x1 <= x2 and y1 <= y2), got " + describe(x1, y1, x2, y2));
        }
    }

    /** The box with top-left corner (left, top) and the given size, as datasets label faces. */
    public static Box ofSize(double left, double top, double width, double height) {
        return new Box(left, top, left + width, top + height);
    }

    /** The box of side {@code side} centred on {@code centre}. */
    public static Box squareAround(Point centre, double side) {
        if (!(side >= 0)) {
            throw new IllegalArgumentException("side must be >= 0, got " + side);
        }
        return new Box(centre.x() - side / 2, centre.y() - side / 2, centre.x() + side / 2, centre.y() + side / 2);
    }

    public double width() {
        return x2 - x1;
    }

    public double height() {
        return y2 - y1;
    }

    public double area() {
        return width() * height();
    }

    public Point centre() {
        return new Point((x1 + x2) / 2, (y1 + y2) / 2);
    }

    public boolean contains(Point p) {
        return p.x() >= x1 && p.x() <= x2 && p.y() >= y1 && p.y() <= y2;
    }

    /** Area of the overlap with {@code other}; 0 when they do not overlap. */
    public double intersectionArea(Box other) {
        double w = Math.min(x2, other.x2) - Math.max(x1, other.x1);
        double h = Math.min(y2, other.y2) - Math.max(y1, other.y1);
        return w > 0 && h > 0 ? w * h : 0;
    }

    /** Intersection over union; 0 for two empty boxes. */
    public double iou(Box other) {
        double intersection = intersectionArea(other);
        double union = area() + other.area() - intersection;
        return union > 0 ? intersection / union : 0;
    }

    /** Intersection over the smaller area (MTCNN's "Min" overlap); 0 when either box is empty. */
    public double overlapOfSmaller(Box other) {
        double smaller = Math.min(area(), other.area());
        return smaller > 0 ? intersectionArea(other) / smaller : 0;
    }

    /**
     * The square with side max(width, height) and the same centre (what MTCNN calls {@code rerec}): the next stage
     * crops squares so that faces keep their aspect ratio when resized to 24x24 or 48x48.
     */
    public Box squaredUp() {
        double side = Math.max(width(), height());
        double left = x1 + width() * 0.5 - side * 0.5;
        double top = y1 + height() * 0.5 - side * 0.5;
        return new Box(left, top, left + side, top + side);
    }

    /** This box cut to the image [0, width] x [0, height]; a box wholly outside becomes empty on the nearest edge. */
    public Box clampTo(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("width and height must be > 0, got " + width + "x" + height);
        }
        return new Box(clamp(x1, width), clamp(y1, height), clamp(x2, width), clamp(y2, height));
    }

    /** Grown by {@code marginX} on the left and right and by {@code marginY} on top and bottom (negative shrinks). */
    public Box expand(double marginX, double marginY) {
        if (2 * marginX < -width() || 2 * marginY < -height()) {
            throw new IllegalArgumentException("margins (" + marginX + ", " + marginY + ") would invert " + this);
        }
        return new Box(x1 - marginX, y1 - marginY, x2 + marginX, y2 + marginY);
    }

    public Box translate(double dx, double dy) {
        return new Box(x1 + dx, y1 + dy, x2 + dx, y2 + dy);
    }

    /** Every coordinate multiplied by {@code factor} (about the origin), e.g. from a resized image back to the source. */
    public Box scale(double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("factor must be finite and > 0, got " + factor);
        }
        return new Box(x1 * factor, y1 * factor, x2 * factor, y2 * factor);
    }

    private static double clamp(double v, int max) {
        return Math.max(0, Math.min(max, v));
    }

    private static String describe(double x1, double y1, double x2, double y2) {
        return "(x1=" + x1 + ", y1=" + y1 + ", x2=" + x2 + ", y2=" + y2 + ")";
    }
}
