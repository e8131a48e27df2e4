package io.face4j.image;

import java.awt.image.BufferedImage;

/**
 * An immutable 8-bit RGB image: interleaved R,G,B bytes, row-major, no padding. Thread-safe (immutable).
 * CONTRACT STUB: the image-package owner implements every method; signatures are fixed.
 */
public final class RgbImage {
    private final int width;
    private final int height;
    private final byte[] rgb;

    private RgbImage(int width, int height, byte[] rgb) {
        this.width = width;
        this.height = height;
        this.rgb = rgb;
    }

    /** Copies {@code rgb} (length width*height*3). Throws IllegalArgumentException naming the bad parameter. */
    public static RgbImage of(int width, int height, byte[] rgb) {
        throw new UnsupportedOperationException("contract stub");
    }

    /** Interleaved B,G,R bytes as video frames deliver them; {@code stride} bytes per row (>= width*3). */
    public static RgbImage fromBgr(byte[] bgr, int width, int height, int stride) {
        throw new UnsupportedOperationException("contract stub");
    }

    /** Any BufferedImage type; alpha is dropped (composited on black), grey becomes 3 equal channels. */
    public static RgbImage fromBufferedImage(BufferedImage image) {
        throw new UnsupportedOperationException("contract stub");
    }

    public BufferedImage toBufferedImage() {
        throw new UnsupportedOperationException("contract stub");
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Channel value 0..255 at (x, y); channel 0=R, 1=G, 2=B. */
    public int get(int x, int y, int channel) {
        throw new UnsupportedOperationException("contract stub");
    }

    /** A copy of the interleaved RGB bytes. */
    public byte[] toRgbBytes() {
        throw new UnsupportedOperationException("contract stub");
    }

    /** The region [x, x+w) x [y, y+h); parts outside the image are filled with black (zero), like MTCNN's padding. */
    public RgbImage crop(int x, int y, int w, int h) {
        throw new UnsupportedOperationException("contract stub");
    }

    /** Resize with area interpolation (pixel-area averaging, as torch's interpolate(mode="area") / cv2.INTER_AREA). */
    public RgbImage resizeArea(int newWidth, int newHeight) {
        throw new UnsupportedOperationException("contract stub");
    }

    /** Resize with bilinear interpolation (half-pixel centres, as cv2.INTER_LINEAR). */
    public RgbImage resizeBilinear(int newWidth, int newHeight) {
        throw new UnsupportedOperationException("contract stub");
    }

    /**
     * Writes the image as float NHWC (one batch item: H x W x 3) into {@code dst} from {@code offset}:
     * value = (byte - mean) / std, channels R,G,B. With {@code transpose}, rows and columns are swapped (the tensor
     * is W x H x 3, as the MTCNN TFLite models expect). Reads the byte array directly (no per-pixel getRGB).
     */
    public void writeNhwc(float[] dst, int offset, float mean, float std, boolean transpose) {
        throw new UnsupportedOperationException("contract stub");
    }
}
