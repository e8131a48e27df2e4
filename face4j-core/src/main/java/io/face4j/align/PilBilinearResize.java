package io.face4j.align;

import io.face4j.image.RgbImage;

/**
 * Resize with PIL's {@code Image.resize(..., BILINEAR)} arithmetic, so crops match facenet-pytorch's bit for bit
 * (given the same input): a triangle filter whose support grows with the shrink factor (so shrinking averages, unlike
 * OpenCV's INTER_LINEAR), separable, horizontal pass first, weights in 22-bit fixed point and each pass rounded to
 * 8 bits (Pillow's {@code Resample.c}). Stateless; thread-safe.
 */
final class PilBilinearResize {
    // Pillow: PRECISION_BITS = 32 - 8 - 2
    private static final int PRECISION_BITS = 22;

    private PilBilinearResize() {
    }

    static RgbImage resize(RgbImage image, int newWidth, int newHeight) {
        if (newWidth <= 0 || newHeight <= 0) {
            throw new IllegalArgumentException("newWidth and newHeight must be > 0, got " + newWidth + "x" + newHeight);
        }
        int w = image.width();
        int h = image.height();
        byte[] pixels = image.toRgbBytes();
        if (newWidth != w) {
            pixels = horizontal(pixels, w, h, newWidth);
        }
        if (newHeight != h) {
            pixels = vertical(pixels, newWidth, h, newHeight);
        }
        return RgbImage.of(newWidth, newHeight, pixels);
    }

    /** Per output index: first input index, count, and fixed-point weights. */
    private record Coefficients(int[] start, int[] count, int[][] weights) {
    }

    private static Coefficients coefficients(int inSize, int outSize) {
        double scale = inSize / (double) outSize;
        double filterScale = Math.max(scale, 1.0);
        double support = 1.0 * filterScale; // bilinear (triangle) filter support is 1
        int[] start = new int[outSize];
        int[] count = new int[outSize];
        int[][] weights = new int[outSize][];
        for (int xx = 0; xx < outSize; xx++) {
            double centre = (xx + 0.5) * scale;
            int xmin = Math.max((int) (centre - support + 0.5), 0);
            int xmax = Math.min((int) (centre + support + 0.5), inSize) - xmin;
            double[] k = new double[xmax];
            double sum = 0;
            for (int x = 0; x < xmax; x++) {
                double t = Math.abs((x + xmin - centre + 0.5) / filterScale);
                k[x] = t < 1 ? 1 - t : 0;
                sum += k[x];
            }
            int[] fixed = new int[xmax];
            for (int x = 0; x < xmax; x++) {
                double v = sum != 0 ? k[x] / sum : k[x];
                fixed[x] = (int) (v < 0 ? -0.5 + v * (1 << PRECISION_BITS) : 0.5 + v * (1 << PRECISION_BITS));
            }
            start[xx] = xmin;
            count[xx] = xmax;
            weights[xx] = fixed;
        }
        return new Coefficients(start, count, weights);
    }

    private static byte[] horizontal(byte[] src, int w, int h, int newWidth) {
        Coefficients c = coefficients(w, newWidth);
        byte[] dst = new byte[newWidth * h * 3];
        for (int y = 0; y < h; y++) {
            int row = y * w * 3;
            for (int xx = 0; xx < newWidth; xx++) {
                int[] k = c.weights()[xx];
                int xmin = c.start()[xx];
                for (int ch = 0; ch < 3; ch++) {
                    long acc = 1L << (PRECISION_BITS - 1);
                    for (int x = 0; x < c.count()[xx]; x++) {
                        acc += (long) (src[row + (x + xmin) * 3 + ch] & 0xFF) * k[x];
                    }
                    dst[(y * newWidth + xx) * 3 + ch] = clip8(acc);
                }
            }
        }
        return dst;
    }

    private static byte[] vertical(byte[] src, int w, int h, int newHeight) {
        Coefficients c = coefficients(h, newHeight);
        byte[] dst = new byte[w * newHeight * 3];
        for (int yy = 0; yy < newHeight; yy++) {
            int[] k = c.weights()[yy];
            int ymin = c.start()[yy];
            for (int x = 0; x < w; x++) {
                for (int ch = 0; ch < 3; ch++) {
                    long acc = 1L << (PRECISION_BITS - 1);
                    for (int y = 0; y < c.count()[yy]; y++) {
                        acc += (long) (src[((y + ymin) * w + x) * 3 + ch] & 0xFF) * k[y];
                    }
                    dst[(yy * w + x) * 3 + ch] = clip8(acc);
                }
            }
        }
        return dst;
    }

    private static byte clip8(long acc) {
        long v = acc >> PRECISION_BITS;
        return (byte) (v < 0 ? 0 : Math.min(v, 255));
    }
}
