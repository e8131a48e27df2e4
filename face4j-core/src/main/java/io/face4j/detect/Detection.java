package io.face4j.detect;

import io.face4j.geometry.Box;
import io.face4j.geometry.Landmarks;

/** One detected face: box and landmarks in source-image pixels, detector confidence in [0, 1]. CONTRACT STUB. */
public record Detection(Box box, double score, Landmarks landmarks) {
}
