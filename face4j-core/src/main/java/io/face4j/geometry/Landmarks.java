package io.face4j.geometry;

import java.util.List;

/**
 * The five MTCNN landmarks in source-image pixels, in this order: left eye, right eye, nose, left mouth corner,
 * right mouth corner ("left" = image left). CONTRACT STUB (geometry owner may add methods, keeps these).
 */
public record Landmarks(List<Point> points) {
    public Landmarks {
        if (points == null || points.size() != 5) {
            throw new IllegalArgumentException("landmarks need 5 points, got " + (points == null ? "null" : points.size()));
        }
        points = List.copyOf(points);
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
}
