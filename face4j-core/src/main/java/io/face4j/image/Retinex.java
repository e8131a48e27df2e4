package io.face4j.image;

import java.util.Arrays;

/**
 * Single-scale retinex (Jobson, Rahman and Woodell, IEEE TIP 1997) on the luma; chroma is kept. The illumination is
 * estimated as a Gaussian blur of the luma, and the reflectance {@code ln(1 + Y) - ln(1 + blur(Y))} is stretched to
 * 0..255 with 1 % of the values saturated at each end ("simplest colour balance", Limare et al., IPOL 2011). It
 * removes slow shading and the global exposure at once. The blur is three box passes (a close Gaussian
 * approximation, cost independent of sigma). Immutable and thread-safe.
 */
public final class Retinex implements ImageEnhancer {
    /** Blur sigma as a fraction of the shorter side: 1/8 is 14 px on a 112 px crop, a face's large-scale shading. */
    public static final double DEFAULT_SIGMA_FRACTION = 0.125;
    /** Fraction of values saturated at each end of the stretch. */
    public static final double SATURATION = 0.01;

    private final double sigmaFraction;

    public Retinex(double sigmaFraction) {
        if (!(sigmaFraction > 0 && sigmaFraction <= 1)) {
            throw new IllegalArgumentException("sigmaFraction must be in (0, 1], got " + sigmaFraction);
        }
        this.sigmaFraction = sigmaFraction;
    }

    public static Retinex defaults() {
        return new Retinex(DEFAULT_SIGMA_FRACTION);
    }

    @Override
    public RgbImage apply(RgbImage image) {
        if (image == null) {
            throw new IllegalArgumentException("image must not be null");
        }
        int w = image.width();
        int h = image.height();
        float[] luma = Luma.of(image);
        float[] illumination = BoxBlur.gaussian(luma, w, h, sigmaFraction * Math.min(w, h));
        float[] reflectance = new float[luma.length];
        for (int i = 0; i < luma.length; i++) {
            reflectance[i] = (float) (Math.log1p(luma[i]) - Math.log1p(illumination[i]));
        }
        float[] sorted = reflectance.clone();
        Arrays.sort(sorted);
        float low = sorted[(int) Math.floor(SATURATION * (sorted.length - 1))];
        float high = sorted[(int) Math.ceil((1 - SATURATION) * (sorted.length - 1))];
        float[] out = new float[luma.length];
        if (high - low < 1e-6f) {
            Arrays.fill(out, 127.5f); // no structure at all (a uniform image): mid-grey
        } else {
            float scale = 255 / (high - low);
            for (int i = 0; i < out.length; i++) {
                out[i] = Math.min(255, Math.max(0, (reflectance[i] - low) * scale));
            }
        }
        return Luma.replace(image, luma, out);
    }
}
