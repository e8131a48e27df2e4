package io.face4j.image;

/**
 * Exposure correction driven by a region's statistics: the gamma {@code g} for which {@code 255 (v/255)^g}, applied to
 * each channel, brings the region's mean luma to {@code target}. g is found by bisection on the region's luma
 * histogram, so the corrected mean matches the target to within a grey level (up to the clamp on g). A dark face gets
 * g < 1 (lifted), an overexposed one g > 1. Immutable and thread-safe.
 */
public final class ExposureCorrection implements ImageEnhancer {
    /**
     * Region of an ArcFace-aligned crop that is face, as fractions of its width and height: the 112x112 template puts
     * the eyes at y = 0.46, the mouth at y = 0.82 and the eye centres at x = 0.34 and 0.66 (ArcFaceAligner), so
     * [0.2, 0.8] x [0.25, 0.9] is cheek to cheek, brow to chin, with little background.
     */
    public static final double[] FACE_REGION = {0.2, 0.25, 0.8, 0.9};
    /** The whole image. */
    public static final double[] WHOLE_IMAGE = {0, 0, 1, 1};
    /** Mean luma a face is brought to: mid-grey, 0.5 of full scale (the embedder's input is centred on 127.5). */
    public static final double DEFAULT_TARGET = 127.5;
    /** Bounds on gamma: 1/4 lifts a mean of 4/255 to mid-grey, the darkest exposure worth correcting. */
    public static final double MIN_GAMMA = 0.25;
    public static final double MAX_GAMMA = 4;

    private final double[] region;
    private final double target;

    /** {@code region} = {x0, y0, x1, y1} as fractions of width and height; {@code target} mean luma in (0, 255). */
    public ExposureCorrection(double[] region, double target) {
        if (region == null || region.length != 4 || !(region[0] >= 0 && region[0] < region[2] && region[2] <= 1)
                || !(region[1] >= 0 && region[1] < region[3] && region[3] <= 1)) {
            throw new IllegalArgumentException("region must be {x0, y0, x1, y1} with 0 <= x0 < x1 <= 1 and 0 <= y0 < y1 <= 1");
        }
        if (!(target > 0 && target < 255)) {
            throw new IllegalArgumentException("target must be in (0, 255), got " + target);
        }
        this.region = region.clone();
        this.target = target;
    }

    /** For aligned face crops: the {@link #FACE_REGION} to mid-grey. */
    public static ExposureCorrection forAlignedFace() {
        return new ExposureCorrection(FACE_REGION, DEFAULT_TARGET);
    }

    /** For whole frames (detection input): the whole image to mid-grey. */
    public static ExposureCorrection forFrame() {
        return new ExposureCorrection(WHOLE_IMAGE, DEFAULT_TARGET);
    }

    /** The gamma this correction applies to {@code image}, in [{@link #MIN_GAMMA}, {@link #MAX_GAMMA}]. */
    public double gamma(RgbImage image) {
        int[] histogram = histogram(image);
        double low = MIN_GAMMA;
        double high = MAX_GAMMA;
        if (mappedMean(histogram, low) <= target) {
            return low;
        }
        if (mappedMean(histogram, high) >= target) {
            return high;
        }
        // The mapped mean falls as gamma rises: bisect on log gamma; 40 halvings of ln(16) is far below a grey level.
        for (int i = 0; i < 40; i++) {
            double mid = Math.sqrt(low * high);
            if (mappedMean(histogram, mid) > target) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return Math.sqrt(low * high);
    }

    @Override
    public RgbImage apply(RgbImage image) {
        if (image == null) {
            throw new IllegalArgumentException("image must not be null");
        }
        double g = gamma(image);
        byte[] lut = new byte[256];
        for (int v = 0; v < 256; v++) {
            lut[v] = Luma.clamp(255 * Math.pow(v / 255.0, g));
        }
        byte[] rgb = image.bytes();
        byte[] out = new byte[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            out[i] = lut[rgb[i] & 0xFF];
        }
        return RgbImage.wrap(image.width(), image.height(), out);
    }

    private int[] histogram(RgbImage image) {
        int w = image.width();
        int h = image.height();
        int x0 = (int) Math.floor(region[0] * w);
        int y0 = (int) Math.floor(region[1] * h);
        int x1 = Math.max(x0 + 1, (int) Math.ceil(region[2] * w));
        int y1 = Math.max(y0 + 1, (int) Math.ceil(region[3] * h));
        byte[] rgb = image.bytes();
        int[] histogram = new int[256];
        for (int y = y0; y < Math.min(y1, h); y++) {
            for (int x = x0, s = (y * w + x0) * 3; x < Math.min(x1, w); x++, s += 3) {
                int luma = (int) Math.round(0.299 * (rgb[s] & 0xFF) + 0.587 * (rgb[s + 1] & 0xFF) + 0.114 * (rgb[s + 2] & 0xFF));
                histogram[luma]++;
            }
        }
        return histogram;
    }

    private static double mappedMean(int[] histogram, double gamma) {
        double sum = 0;
        long n = 0;
        for (int v = 0; v < 256; v++) {
            if (histogram[v] != 0) {
                sum += histogram[v] * 255 * Math.pow(v / 255.0, gamma);
                n += histogram[v];
            }
        }
        return sum / n;
    }
}
