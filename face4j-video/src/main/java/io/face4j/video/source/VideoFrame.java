package io.face4j.video.source;

import io.face4j.image.RgbImage;

/**
 * One decoded frame. Immutable and thread-safe.
 *
 * @param image           the pixels
 * @param index           0-based position of the frame in its source (frames a live pipeline dropped still count)
 * @param timestampMicros presentation time from the start of the source, microseconds
 */
public record VideoFrame(RgbImage image, long index, long timestampMicros) {
    public VideoFrame {
        if (image == null) {
            throw new IllegalArgumentException("image must not be null");
        }
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0, got " + index);
        }
    }

    public double seconds() {
        return timestampMicros / 1e6;
    }
}
