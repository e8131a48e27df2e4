package io.face4j.liveness;

/** Power spectrum of a square real image by a radix-2 FFT (rows, then columns). Stateless; thread-safe. */
final class Spectrum {
    private Spectrum() {
    }

    /**
     * |F(u, v)|^2 of {@code values} (n x n row-major, n a power of two) after removing the mean and applying a Hann
     * window (so the crop's edges do not show up as high frequencies). Index [v * n + u]; frequencies above n/2 are
     * the negative ones.
     */
    static double[] power(double[] values, int n) {
        if (Integer.bitCount(n) != 1 || values.length != n * n) {
            throw new IllegalArgumentException("need n x n values with n a power of two, got n=" + n + ", " + values.length + " values");
        }
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        double[] window = new double[n];
        for (int i = 0; i < n; i++) {
            window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / n);
        }
        double[] re = new double[n * n];
        double[] im = new double[n * n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                re[y * n + x] = (values[y * n + x] - mean) * window[x] * window[y];
            }
        }
        double[] rowRe = new double[n];
        double[] rowIm = new double[n];
        for (int y = 0; y < n; y++) {
            System.arraycopy(re, y * n, rowRe, 0, n);
            System.arraycopy(im, y * n, rowIm, 0, n);
            fft(rowRe, rowIm);
            System.arraycopy(rowRe, 0, re, y * n, n);
            System.arraycopy(rowIm, 0, im, y * n, n);
        }
        for (int x = 0; x < n; x++) {
            for (int y = 0; y < n; y++) {
                rowRe[y] = re[y * n + x];
                rowIm[y] = im[y * n + x];
            }
            fft(rowRe, rowIm);
            for (int y = 0; y < n; y++) {
                re[y * n + x] = rowRe[y];
                im[y * n + x] = rowIm[y];
            }
        }
        double[] power = new double[n * n];
        for (int i = 0; i < power.length; i++) {
            power[i] = re[i] * re[i] + im[i] * im[i];
        }
        return power;
    }

    /** In-place iterative Cooley-Tukey FFT (length a power of two). */
    static void fft(double[] re, double[] im) {
        int n = re.length;
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            double angle = -2 * Math.PI / len;
            double wRe = Math.cos(angle);
            double wIm = Math.sin(angle);
            for (int start = 0; start < n; start += len) {
                double cRe = 1;
                double cIm = 0;
                for (int k = 0; k < len / 2; k++) {
                    int a = start + k;
                    int b = a + len / 2;
                    double tRe = re[b] * cRe - im[b] * cIm;
                    double tIm = re[b] * cIm + im[b] * cRe;
                    re[b] = re[a] - tRe;
                    im[b] = im[a] - tIm;
                    re[a] += tRe;
                    im[a] += tIm;
                    double next = cRe * wRe - cIm * wIm;
                    cIm = cRe * wIm + cIm * wRe;
                    cRe = next;
                }
            }
        }
    }
}
