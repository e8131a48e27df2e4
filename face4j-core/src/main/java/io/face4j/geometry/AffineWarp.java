package io.face4j.geometry;

import java.util.Objects;

import io.face4j.image.RgbImage;

/**
 * Resamples an image through an affine map into a new image of a given size, by inverse mapping and bilinear
 * interpolation with pixel centres at integer coordinates (as OpenCV's {@code warpAffine}). Source pixels outside the
 * image count as black (zero), so output pixels that map outside are black and edge pixels blend towards black, like
 * {@code warpAffine} with a constant zero border. Stateless; thread-safe.
 */
public final class AffineWarp {
    private AffineWarp() {
    }

    /** The {@code width} x {@code height} image whose pixel (u, v) is the source at {@code sourceToOutput}^-1 (u, v). */
    public static RgbImage warp(RgbImage source, AffineTransform sourceToOutput, int width, int height) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sourceToOutput, "sourceToOutput");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("width and height must be > 0, got " + width + "x" + height);
        }
        AffineTransform outputToSource = sourceToOutput.invert();
        int sw = source.width();
        int sh = source.height();
        byte[] src = source.toRgbBytes();
        byte[] dst = new byte[width * height * 3];
        float[] pixel = new float[3];
        for (int v = 0; v < height; v++) {
            for (int u = 0; u < width; u++) {
                double x = outputToSource.m00() * u + outputToSource.m01() * v + outputToSource.m02();
                double y = outputToSource.m10() * u + outputToSource.m11() * v + outputToSource.m12();
                if (!(x > -1 && y > -1 && x < sw && y < sh)) {
                    continue;
                }
                int x0 = (int) Math.floor(x);
                int y0 = (int) Math.floor(y);
                double fx = x - x0;
                double fy = y - y0;
                pixel[0] = pixel[1] = pixel[2] = 0;
                accumulate(src, sw, sh, x0, y0, (1 - fx) * (1 - fy), pixel);
                accumulate(src, sw, sh, x0 + 1, y0, fx * (1 - fy), pixel);
                accumulate(src, sw, sh, x0, y0 + 1, (1 - fx) * fy, pixel);
                accumulate(src, sw, sh, x0 + 1, y0 + 1, fx * fy, pixel);
                int o = (v * width + u) * 3;
                for (int c = 0; c < 3; c++) {
                    dst[o + c] = (byte) Math.min(255, Math.round(pixel[c]));
                }
            }
        }
        return RgbImage.of(width, height, dst);
    }

    /** The square {@code size} x {@code size} variant of {@link #warp(RgbImage, AffineTransform, int, int)}. */
    public static RgbImage warp(RgbImage source, AffineTransform sourceToOutput, int size) {
        return warp(source, sourceToOutput, size, size);
    }

    private static void accumulate(byte[] src, int w, int h, int x, int y, double weight, float[] pixel) {
        if (x < 0 || y < 0 || x >= w || y >= h || weight == 0) {
            return;
        }
        int i = (y * w + x) * 3;
        pixel[0] += (float) (weight * (src[i] & 0xFF));
        pixel[1] += (float) (weight * (src[i + 1] & 0xFF));
        pixel[2] += (float) (weight * (src[i + 2] & 0xFF));
    }
}
