package io.face4j.image;

import java.util.SplittableRandom;

/** Synthetic images for the enhancement tests. */
final class EnhancementTestImages {
    private EnhancementTestImages() {
    }

    static RgbImage uniform(int w, int h, int r, int g, int b) {
        byte[] rgb = new byte[w * h * 3];
        for (int i = 0; i < rgb.length; i += 3) {
            rgb[i] = (byte) r;
            rgb[i + 1] = (byte) g;
            rgb[i + 2] = (byte) b;
        }
        return RgbImage.of(w, h, rgb);
    }

    /** Grey, left to right from {@code from} to {@code to} (inclusive), plus seeded Gaussian noise of sigma {@code noise}. */
    static RgbImage gradient(int w, int h, int from, int to, double noise, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] rgb = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v = from + (to - from) * x / (double) (w - 1) + noise * random.nextGaussian();
                byte b = Luma.clamp(v);
                int i = (y * w + x) * 3;
                rgb[i] = b;
                rgb[i + 1] = b;
                rgb[i + 2] = b;
            }
        }
        return RgbImage.of(w, h, rgb);
    }

    /** Mean luma of the whole image. */
    static double meanLuma(RgbImage image) {
        return Luma.mean(image, 0, 0, image.width(), image.height());
    }

    /** Standard deviation of the luma over the whole image. */
    static double lumaStd(RgbImage image) {
        float[] y = Luma.of(image);
        double mean = 0;
        for (float v : y) {
            mean += v;
        }
        mean /= y.length;
        double var = 0;
        for (float v : y) {
            var += (v - mean) * (v - mean);
        }
        return Math.sqrt(var / y.length);
    }
}
