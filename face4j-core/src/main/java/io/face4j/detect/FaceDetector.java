package io.face4j.detect;

import java.util.List;

import io.face4j.image.RgbImage;

/** Finds faces in an image. "No face" is an empty list. Implementations state their threading contract. CONTRACT STUB. */
public interface FaceDetector extends AutoCloseable {
    List<Detection> detect(RgbImage image);

    @Override
    void close();
}
