package io.face4j.align;

import io.face4j.detect.Detection;
import io.face4j.image.RgbImage;

/**
 * Turns a detected face into the fixed-size crop an embedding model expects (ArcFace 5-point template warp, or the
 * recipe's margin crop). Implementations are immutable and thread-safe.
 */
public interface FaceAligner {
    RgbImage align(RgbImage image, Detection detection);

    /** Side of the square output in pixels. */
    int size();
}
