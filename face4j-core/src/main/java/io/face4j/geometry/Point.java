package io.face4j.geometry;

/** A point in source-image pixels. CONTRACT STUB (geometry owner may add methods). */
public record Point(double x, double y) {
}
