package io.face4j.detect;

import java.util.List;

import io.face4j.image.RgbImage;

/** Finds faces in an image. "No face" is an empty list. Implementations state their threading contract. */
public interface FaceDetector extends AutoCloseable {
    /** The faces in {@code image}, coordinates in its pixels; an empty list when there are none. */
    List<Detection> detect(RgbImage image);

    /** Releases native resources; the detector is unusable afterwards. */
    @Override
    void close();
}
