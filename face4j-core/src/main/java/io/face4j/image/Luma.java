package io.face4j.image;

/**
 * Luma (BT.601: 0.299 R + 0.587 G + 0.114 B, in 0..255) of an {@link RgbImage}, and the inverse step the enhancers
 * share: a new luma is put back by adding {@code Y' - Y} to each channel, which is exactly replacing Y and keeping Cb
 * and Cr in YCbCr. Stateless and thread-safe.
 */
final class Luma {
    private Luma() {
    }

    static float[] of(RgbImage image) {
        byte[] rgb = image.bytes();
        float[] y = new float[image.width() * image.height()];
        for (int i = 0, s = 0; i < y.length; i++, s += 3) {
            y[i] = 0.299f * (rgb[s] & 0xFF) + 0.587f * (rgb[s + 1] & 0xFF) + 0.114f * (rgb[s + 2] & 0xFF);
        }
        return y;
    }

    /** Mean luma of the region [x0, x1) x [y0, y1) (clamped to the image), 0..255. */
    static double mean(RgbImage image, int x0, int y0, int x1, int y1) {
        byte[] rgb = image.bytes();
        int w = image.width();
        x0 = Math.max(0, x0);
        y0 = Math.max(0, y0);
        x1 = Math.min(w, x1);
        y1 = Math.min(image.height(), y1);
        double sum = 0;
        long n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0, s = (y * w + x0) * 3; x < x1; x++, s += 3) {
                sum += 0.299 * (rgb[s] & 0xFF) + 0.587 * (rgb[s + 1] & 0xFF) + 0.114 * (rgb[s + 2] & 0xFF);
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    /** {@code image} with luma {@code newLuma} in place of {@code oldLuma} (chroma kept), rounded and clamped. */
    static RgbImage replace(RgbImage image, float[] oldLuma, float[] newLuma) {
        byte[] rgb = image.bytes();
        byte[] out = new byte[rgb.length];
        for (int i = 0, s = 0; i < oldLuma.length; i++, s += 3) {
            float d = newLuma[i] - oldLuma[i];
            out[s] = clamp((rgb[s] & 0xFF) + d);
            out[s + 1] = clamp((rgb[s + 1] & 0xFF) + d);
            out[s + 2] = clamp((rgb[s + 2] & 0xFF) + d);
        }
        return RgbImage.wrap(image.width(), image.height(), out);
    }

    static byte clamp(double v) {
        return (byte) Math.min(255, Math.max(0, Math.round(v)));
    }
}
