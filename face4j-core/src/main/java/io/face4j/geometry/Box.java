package io.face4j.geometry;

/**
 * An axis-aligned box in source-image pixels, x1 <= x2 and y1 <= y2. CONTRACT STUB (geometry owner implements
 * validation and adds IoU, area, square, clamp, ...; keeps these components).
 */
public record Box(double x1, double y1, double x2, double y2) {
    public double width() {
        return x2 - x1;
    }

    public double height() {
        return y2 - y1;
    }
}
