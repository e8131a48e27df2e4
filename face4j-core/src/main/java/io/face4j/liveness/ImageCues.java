package io.face4j.liveness;

import io.face4j.image.RgbImage;

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

    /**
     * log of (Laplacian energy / gradient energy) of the 256x256 crop's luma: where the image's detail sits in frequency,
     * independent of contrast and lighting (both energies scale with contrast squared, so it cancels). A re-imaged
     * print keeps edges (gradient) but loses the finest texture (Laplacian), whatever the session's exposure.
     */
    static double laplacianToGradient(FaceRegion region) {
        double[] luma = FaceRegion.luma(region.square);
        int n = FaceRegion.MODEL_SIZE;
        double lap = 0;
        double grad = 0;
        for (int y = 1; y < n - 1; y++) {
            for (int x = 1; x < n - 1; x++) {
                int i = y * n + x;
                double l = luma[i - 1] + luma[i + 1] + luma[i - n] + luma[i + n] - 4 * luma[i];
                double gx = (luma[i + 1] - luma[i - 1]) / 2;
                double gy = (luma[i + n] - luma[i - n]) / 2;
                lap += l * l;
                grad += gx * gx + gy * gy;
            }
        }
        // +1 per pixel: keeps a flat crop finite (both energies zero) at ratio 1.
        int count = (n - 2) * (n - 2);
        return Math.log((lap + count) / (grad + count));
    }

    /**
     * log((1 + face Laplacian energy) / (1 + surround Laplacian energy)) at source resolution: the face square against
     * the ring around it (the square twice its side on the same centre, clipped to the image, face excluded). A printed
     * photo's face and the paper or scene around it are at one focus distance and share one print/re-capture blur; a
     * live face is usually in sharper focus than the room behind it. The ratio cancels the camera's own sharpness.
     */
    static double faceToSurroundSharpness(RgbImage image, int[] square) {
        double[] luma = FaceRegion.luma(image);
        int w = image.width();
        int h = image.height();
        int side = square[2];
        int fx0 = square[0];
        int fy0 = square[1];
        int cx = fx0 + side / 2;
        int cy = fy0 + side / 2;
        int x0 = Math.max(1, cx - side);
        int y0 = Math.max(1, cy - side);
        int x1 = Math.min(w - 1, cx + side);
        int y1 = Math.min(h - 1, cy + side);
        double face = 0;
        long faceCount = 0;
        double ring = 0;
        long ringCount = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int i = y * w + x;
                double l = luma[i - 1] + luma[i + 1] + luma[i - w] + luma[i + w] - 4 * luma[i];
                if (x >= fx0 && x < fx0 + side && y >= fy0 && y < fy0 + side) {
                    face += l * l;
                    faceCount++;
                } else {
                    ring += l * l;
                    ringCount++;
                }
            }
        }
        double faceEnergy = faceCount == 0 ? 0 : face / faceCount;
        double ringEnergy = ringCount == 0 ? faceEnergy : ring / ringCount;
        return Math.log((1 + faceEnergy) / (1 + ringEnergy));
    }

    /** 64: side of the DoG-LBP crop, the face size of the NUAA paper's texture features (Tan et al., ECCV 2010). */
    static final int TEXTURE_SIZE = 64;
    /** 0.5 and 1.0: the inner and outer Gaussian sigmas (pixels of the 64x64 crop) of the NUAA paper's DoG filter. */
    private static final double DOG_SIGMA_INNER = 0.5;
    private static final double DOG_SIGMA_OUTER = 1.0;

    /**
     * The 59-bin uniform LBP(8,1) histogram (58 uniform patterns, then one bin for all others), normalised to sum 1,
     * of the difference-of-Gaussians filtered 64x64 luma crop: the micro-texture descriptor of the NUAA baseline.
     */
    static double[] dogLbpHistogram(FaceRegion region) {
        int n = TEXTURE_SIZE;
        double[] luma = FaceRegion.luma(region.square.resizeArea(n, n));
        double[] inner = blur(luma, n, DOG_SIGMA_INNER);
        double[] outer = blur(luma, n, DOG_SIGMA_OUTER);
        double[] dog = new double[n * n];
        for (int i = 0; i < dog.length; i++) {
            dog[i] = inner[i] - outer[i];
        }
        int[] bin = uniformBins();
        double[] hist = new double[59];
        int[] dx = {-1, 0, 1, 1, 1, 0, -1, -1};
        int[] dy = {-1, -1, -1, 0, 1, 1, 1, 0};
        int count = 0;
        for (int y = 1; y < n - 1; y++) {
            for (int x = 1; x < n - 1; x++) {
                double c = dog[y * n + x];
                int code = 0;
                for (int k = 0; k < 8; k++) {
                    if (dog[(y + dy[k]) * n + x + dx[k]] >= c) {
                        code |= 1 << k;
                    }
                }
                hist[bin[code]]++;
                count++;
            }
        }
        for (int i = 0; i < hist.length; i++) {
            hist[i] /= count;
        }
        return hist;
    }

    /**
     * Shannon entropy (bits) of {@link #dogLbpHistogram}: how varied the face's micro-texture is. Skin imaged directly
     * spreads over many patterns; a print's flattened texture concentrates on fewer (flat spots and straight edges).
     */
    static double dogLbpEntropy(FaceRegion region) {
        double h = 0;
        for (double p : dogLbpHistogram(region)) {
            if (p > 0) {
                h -= p * Math.log(p) / Math.log(2);
            }
        }
        return h;
    }

    /** Share of non-uniform patterns (more than two 0/1 transitions) in {@link #dogLbpHistogram}: speckle and noise. */
    static double dogLbpNonUniform(FaceRegion region) {
        return dogLbpHistogram(region)[58];
    }

    /** Bin of each 8-bit LBP code: 0..57 for the 58 uniform codes (at most two circular 0/1 transitions), 58 otherwise. */
    static int[] uniformBins() {
        int[] bin = new int[256];
        int next = 0;
        for (int code = 0; code < 256; code++) {
            int rotated = ((code >> 1) | ((code & 1) << 7));
            bin[code] = Integer.bitCount(code ^ rotated) <= 2 ? next++ : 58;
        }
        return bin;
    }

    /** Separable Gaussian blur (kernel radius ceil(3 sigma), edges clamped). */
    static double[] blur(double[] image, int n, double sigma) {
        int radius = (int) Math.ceil(3 * sigma);
        double[] kernel = new double[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            kernel[i + radius] = Math.exp(-i * i / (2 * sigma * sigma));
            sum += kernel[i + radius];
        }
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] /= sum;
        }
        double[] tmp = new double[image.length];
        double[] out = new double[image.length];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                double s = 0;
                for (int k = -radius; k <= radius; k++) {
                    s += kernel[k + radius] * image[y * n + Math.min(n - 1, Math.max(0, x + k))];
                }
                tmp[y * n + x] = s;
            }
        }
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                double s = 0;
                for (int k = -radius; k <= radius; k++) {
                    s += kernel[k + radius] * tmp[Math.min(n - 1, Math.max(0, y + k)) * n + x];
                }
                out[y * n + x] = s;
            }
        }
        return out;
    }
}
