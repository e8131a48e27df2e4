package io.face4j.detect;

import java.util.Objects;

import io.face4j.geometry.Box;
import io.face4j.geometry.Landmarks;

/**
 * One detected face: box and landmarks in source-image pixels, detector confidence in [0, 1]. The box may reach past
 * the image edges when the face is cut by them. {@code landmarks} is null only for detectors that do not give them.
 * Immutable; thread-safe.
 */
public record Detection(Box box, double score, Landmarks landmarks) {
    public Detection {
        Objects.requireNonNull(box, "box");
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be in [0, 1], got " + score);
        }
    }
}
