package io.face4j.geometry;

import java.util.List;

/**
 * The five MTCNN landmarks in source-image pixels, in this order: left eye, right eye, nose, left mouth corner,
 * right mouth corner ("left" = image left). Immutable; thread-safe.
 */
public record Landmarks(List<Point> points) {
    public Landmarks {
        if (points == null || points.size() != 5) {
            throw new IllegalArgumentException("landmarks need 5 points, got " + (points == null ? "null" : points.size()));
        }
        points = List.copyOf(points);
    }

    public static Landmarks of(Point leftEye, Point rightEye, Point nose, Point mouthLeft, Point mouthRight) {
        return new Landmarks(List.of(leftEye, rightEye, nose, mouthLeft, mouthRight));
    }

    public Point leftEye() {
        return points.get(0);
    }

    public Point rightEye() {
        return points.get(1);
    }

    public Point nose() {
        return points.get(2);
    }

    public Point mouthLeft() {
        return points.get(3);
    }

    public Point mouthRight() {
        return points.get(4);
    }

    public Point eyeCentre() {
        return new Point((leftEye().x() + rightEye().x()) / 2, (leftEye().y() + rightEye().y()) / 2);
    }

    public double interocularDistance() {
        return leftEye().distanceTo(rightEye());
    }

    /** Roll angle of the eye line in radians (positive = right eye lower, in image coordinates with y down). */
    public double roll() {
        return Math.atan2(rightEye().y() - leftEye().y(), rightEye().x() - leftEye().x());
    }

    /** The smallest box holding the five points. */
    public Box bounds() {
        double x1 = Double.POSITIVE_INFINITY;
        double y1 = Double.POSITIVE_INFINITY;
        double x2 = Double.NEGATIVE_INFINITY;
        double y2 = Double.NEGATIVE_INFINITY;
        for (Point p : points) {
            x1 = Math.min(x1, p.x());
            y1 = Math.min(y1, p.y());
            x2 = Math.max(x2, p.x());
            y2 = Math.max(y2, p.y());
        }
        return new Box(x1, y1, x2, y2);
    }

    public Landmarks translate(double dx, double dy) {
        return new Landmarks(points.stream().map(p -> p.translate(dx, dy)).toList());
    }

    public Landmarks scale(double factor) {
        return new Landmarks(points.stream().map(p -> p.scale(factor)).toList());
    }

    /** Each point mapped through {@code transform}. */
    public Landmarks transform(AffineTransform transform) {
        return new Landmarks(points.stream().map(transform::apply).toList());
    }
}
