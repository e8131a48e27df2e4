package io.face4j.image;

/** A photometric correction that keeps the pixel grid: output pixel (x, y) is input pixel (x, y) re-lit. Thread-safe. */
@FunctionalInterface
public interface ImageEnhancer {
    /** Leaves every image as it is. */
    ImageEnhancer NONE = image -> image;

    /** The corrected image, same width and height (possibly {@code image} itself when nothing changes). */
    RgbImage apply(RgbImage image);
}
