package io.face4j.image;

/**
 * A Gaussian blur of a single-channel float image approximated by three box blurs (the central limit theorem: three
 * passes are within a few percent of the Gaussian, W. Wells, IEEE PAMI 1986). Edges are clamped. Stateless.
 */
final class BoxBlur {
    private BoxBlur() {
    }

    /** The blurred copy of {@code values} (w x h, row-major) with standard deviation about {@code sigma} pixels. */
    static float[] gaussian(float[] values, int w, int h, double sigma) {
        // Three boxes of width 2r+1 have variance 3 ((2r+1)^2 - 1) / 12 = r (r + 1); solve r (r + 1) = sigma^2.
        int r = Math.max(0, (int) Math.round((-1 + Math.sqrt(1 + 4 * sigma * sigma)) / 2));
        if (r == 0) {
            return values.clone();
        }
        float[] a = values.clone();
        float[] b = new float[a.length];
        for (int pass = 0; pass < 3; pass++) {
            horizontal(a, b, w, h, r);
            vertical(b, a, w, h, r);
        }
        return a;
    }

    private static void horizontal(float[] src, float[] dst, int w, int h, int r) {
        float norm = 1f / (2 * r + 1);
        for (int y = 0; y < h; y++) {
            int row = y * w;
            double sum = 0;
            for (int k = -r; k <= r; k++) {
                sum += src[row + clamp(k, w)];
            }
            for (int x = 0; x < w; x++) {
                dst[row + x] = (float) (sum * norm);
                sum += src[row + clamp(x + r + 1, w)] - src[row + clamp(x - r, w)];
            }
        }
    }

    private static void vertical(float[] src, float[] dst, int w, int h, int r) {
        float norm = 1f / (2 * r + 1);
        for (int x = 0; x < w; x++) {
            double sum = 0;
            for (int k = -r; k <= r; k++) {
                sum += src[clamp(k, h) * w + x];
            }
            for (int y = 0; y < h; y++) {
                dst[y * w + x] = (float) (sum * norm);
                sum += src[clamp(y + r + 1, h) * w + x] - src[clamp(y - r, h) * w + x];
            }
        }
    }

    private static int clamp(int i, int n) {
        return i < 0 ? 0 : (i >= n ? n - 1 : i);
    }
}
