package io.face4j.liveness;

/**
 * The model-free liveness measurements of a {@link FaceRegion}. Each one is a number whose distribution differs between
 * live faces and presentation attacks; none is a decision on its own. Stateless; thread-safe.
 */
final class ImageCues {
    /** 240: "near white" for the specular cue, HSV value V >= 240/255. */
    private static final int SPECULAR_VALUE = 240;
    /** 0.2: "colourless" for the specular cue, HSV saturation S <= 0.2 (highlights take the light's colour). */
    private static final double SPECULAR_SATURATION = 0.2;

    private ImageCues() {
    }

    /**
     * log(1 + variance of the 4-neighbour Laplacian) of the 256x256 crop's luma. A print re-imaged by the camera loses
     * fine detail (Laplacian variance is the usual focus measure, and what the expo package's sharpness gate counts).
     */
    static double sharpness(FaceRegion region) {
        double[] luma = FaceRegion.luma(region.square);
        int n = FaceRegion.MODEL_SIZE;
        double sum = 0;
        double sumSq = 0;
        int count = 0;
        for (int y = 1; y < n - 1; y++) {
            for (int x = 1; x < n - 1; x++) {
                int i = y * n + x;
                double lap = luma[i - 1] + luma[i + 1] + luma[i - n] + luma[i + n] - 4 * luma[i];
                sum += lap;
                sumSq += lap * lap;
                count++;
            }
        }
        double mean = sum / count;
        return Math.log1p(Math.max(0, sumSq / count - mean * mean));
    }

    /**
     * log10 of the share of spectral energy (DC excluded) in the high band, radius 0.25..0.5 cycles/pixel, of the
     * 128x128 near-source-resolution crop. Printing and re-capture add halftone and moire patterns up there and take
     * away the skin's fine texture; the ratio is independent of overall contrast.
     */
    static double highFrequency(FaceRegion region) {
        int n = FaceRegion.SPECTRAL_SIZE;
        double[] power = Spectrum.power(region.spectral, n);
        double high = 0;
        double total = 0;
        for (int v = 0; v < n; v++) {
            double fy = (v <= n / 2 ? v : v - n) / (double) n;
            for (int u = 0; u < n; u++) {
                double fx = (u <= n / 2 ? u : u - n) / (double) n;
                double r = Math.hypot(fx, fy);
                if (r == 0 || r > 0.5) {
                    continue;
                }
                total += power[v * n + u];
                if (r >= 0.25) {
                    high += power[v * n + u];
                }
            }
        }
        return Math.log10(Math.max(1e-9, total > 0 ? high / total : 0));
    }

    /**
     * log10 of the fraction (floored at 1e-4) of near-white, colourless pixels (HSV V >= 240/255 and S <= 0.2) in the
     * 256x256 crop: glossy photo paper and screens reflect the room light as large flat highlights, skin as small ones.
     */
    static double specular(FaceRegion region) {
        byte[] rgb = region.square.toRgbBytes();
        int pixels = rgb.length / 3;
        int count = 0;
        for (int i = 0; i < pixels; i++) {
            int r = rgb[3 * i] & 0xFF;
            int g = rgb[3 * i + 1] & 0xFF;
            int b = rgb[3 * i + 2] & 0xFF;
            int max = Math.max(r, Math.max(g, b));
            int min = Math.min(r, Math.min(g, b));
            if (max >= SPECULAR_VALUE && (max - min) <= SPECULAR_SATURATION * max) {
                count++;
            }
        }
        return Math.log10(Math.max(1e-4, (double) count / pixels));
    }

    /** Mean HSV saturation (0..1) of the 256x256 crop: a print reproduces skin with a narrower, duller gamut. */
    static double saturation(FaceRegion region) {
        byte[] rgb = region.square.toRgbBytes();
        int pixels = rgb.length / 3;
        double sum = 0;
        for (int i = 0; i < pixels; i++) {
            int r = rgb[3 * i] & 0xFF;
            int g = rgb[3 * i + 1] & 0xFF;
            int b = rgb[3 * i + 2] & 0xFF;
            int max = Math.max(r, Math.max(g, b));
            int min = Math.min(r, Math.min(g, b));
            sum += max == 0 ? 0 : (double) (max - min) / max;
        }
        return sum / pixels;
    }

    /**
     * sqrt(var(Cb) + var(Cr)) of the 256x256 crop in BT.601 YCbCr (chroma units of 0..255): the spread of the colour
     * distribution, which shrinks when a face is printed and re-captured.
     */
    static double chromaSpread(FaceRegion region) {
        byte[] rgb = region.square.toRgbBytes();
        int pixels = rgb.length / 3;
        double sb = 0;
        double sbb = 0;
        double sr = 0;
        double srr = 0;
        for (int i = 0; i < pixels; i++) {
            int r = rgb[3 * i] & 0xFF;
            int g = rgb[3 * i + 1] & 0xFF;
            int b = rgb[3 * i + 2] & 0xFF;
            // ITU-R BT.601 (JPEG) chroma, offsets dropped: they cancel in the variance.
            double cb = -0.168736 * r - 0.331264 * g + 0.5 * b;
            double cr = 0.5 * r - 0.418688 * g - 0.081312 * b;
            sb += cb;
            sbb += cb * cb;
            sr += cr;
            srr += cr * cr;
        }
        double varB = sbb / pixels - (sb / pixels) * (sb / pixels);
        double varR = srr / pixels - (sr / pixels) * (sr / pixels);
        return Math.sqrt(Math.max(0, varB) + Math.max(0, varR));
    }

    /** Standard deviation of the 256x256 crop's luma (0..255): prints compress the dynamic range. */
    static double contrast(FaceRegion region) {
        double[] luma = FaceRegion.luma(region.square);
        double sum = 0;
        double sumSq = 0;
        for (double v : luma) {
            sum += v;
            sumSq += v * v;
        }
        double mean = sum / luma.length;
        return Math.sqrt(Math.max(0, sumSq / luma.length - mean * mean));
    }
}
