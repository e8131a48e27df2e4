package io.face4j.geometry;

/** A point in source-image pixels. Immutable; thread-safe. */
public record Point(double x, double y) {
    public Point {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("point needs finite coordinates, got (" + x + ", " + y + ")");
        }
    }

    public Point translate(double dx, double dy) {
        return new Point(x + dx, y + dy);
    }

    /** Both coordinates multiplied by {@code factor} (about the origin). */
    public Point scale(double factor) {
        return new Point(x * factor, y * factor);
    }

    public double distanceTo(Point other) {
        return Math.hypot(other.x - x, other.y - y);
    }
}
