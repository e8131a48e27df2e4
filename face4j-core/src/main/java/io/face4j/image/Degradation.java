package io.face4j.image;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import io.face4j.geometry.Box;

/**
 * A deterministic image degradation for robustness benchmarks, parsed from a spec string {@code KIND[:PARAMS]}:
 * <ul>
 *   <li>{@code none}: the image unchanged;</li>
 *   <li>{@code dark:gamma=2.5,gain=0.35,noise=8}: an exposure drop, {@code v' = 255 * gain * (v/255)^gamma}, plus
 *       Gaussian sensor noise of standard deviation {@code noise} (0..255 units) drawn independently per sample;</li>
 *   <li>{@code backlight:face=0.35,background=1.6}: a dark subject against a bright background. The subject is the
 *       ellipse inscribed in the face box, or without a box a centred ellipse with semi-axes 0.3 x width and
 *       0.4 x height. Intensities inside are scaled by {@code face}, outside by {@code background}; the mask is
 *       feathered with a smoothstep from 0.8 to 1.2 times the ellipse radius, so there is no hard edge;</li>
 *   <li>{@code blur:sigma=2}: a separable Gaussian blur (kernel radius ceil(3 sigma), edges clamped);</li>
 *   <li>{@code lowres:48} (or {@code lowres:size=48}): the face downscaled to 48 px (area averaging) and back up
 *       (bilinear). The face size is the longer side of the face box, or without a box the image's shorter side
 *       / 2.5 (a loosely cropped portrait, as in LFW). Images whose face is already that small are unchanged.</li>
 * </ul>
 * Omitted parameters take the defaults above. Results are rounded and clamped to 0..255. The noise is drawn from a
 * {@link SplittableRandom} seeded by {@link #seed(long, String)}, so a run repeats exactly. Immutable and thread-safe.
 */
public final class Degradation {
    /** What a spec does. */
    public enum Kind { NONE, DARK, BACKLIGHT, BLUR, LOWRES }

    /** The subject ellipse's semi-axes as fractions of width and height when there is no face box. */
    static final double SUBJECT_HALF_WIDTH = 0.3;
    static final double SUBJECT_HALF_HEIGHT = 0.4;
    /** Without a face box, the assumed face size is the shorter image side divided by this. */
    static final double FACE_FRACTION_DIVISOR = 2.5;

    private static final Map<Kind, Map<String, double[]>> PARAMS = Map.of(
            // name -> {default, min, max}
            Kind.NONE, Map.of(),
            Kind.DARK, ordered("gamma", 2.5, 0.1, 10, "gain", 0.35, 0, 10, "noise", 8, 0, 255),
            Kind.BACKLIGHT, ordered("face", 0.35, 0, 10, "background", 1.6, 0, 10),
            Kind.BLUR, ordered("sigma", 2, 0.1, 50),
            Kind.LOWRES, ordered("size", 48, 2, 4096));

    private static final Degradation NONE = new Degradation(Kind.NONE, Map.of());

    private final Kind kind;
    private final Map<String, Double> params;

    private Degradation(Kind kind, Map<String, Double> params) {
        this.kind = kind;
        this.params = params;
    }

    /** The identity. */
    public static Degradation none() {
        return NONE;
    }

    /** Parses {@code spec}; IllegalArgumentException naming the spec and the problem when it is not valid. */
    public static Degradation parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("empty degradation spec (expected none, dark, backlight, blur or lowres)");
        }
        String s = spec.trim();
        int colon = s.indexOf(':');
        String name = colon < 0 ? s : s.substring(0, colon);
        Kind kind;
        try {
            kind = Kind.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw bad(spec, "unknown kind '" + name + "' (expected none, dark, backlight, blur or lowres)");
        }
        Map<String, double[]> allowed = PARAMS.get(kind);
        Map<String, Double> values = new LinkedHashMap<>();
        allowed.forEach((k, v) -> values.put(k, v[0]));
        if (colon >= 0) {
            String rest = s.substring(colon + 1);
            if (rest.isBlank()) {
                throw bad(spec, "nothing after ':'");
            }
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (String part : rest.split(",", -1)) {
                String p = part.trim();
                int eq = p.indexOf('=');
                String key;
                String number;
                if (eq < 0 && allowed.size() == 1) {
                    key = allowed.keySet().iterator().next(); // lowres:48, blur:2
                    number = p;
                } else if (eq < 0) {
                    throw bad(spec, "expected NAME=VALUE, got '" + p + "'");
                } else {
                    key = p.substring(0, eq).trim();
                    number = p.substring(eq + 1).trim();
                }
                double[] range = allowed.get(key);
                if (range == null) {
                    throw bad(spec, "unknown parameter '" + key + "' for " + name
                            + (allowed.isEmpty() ? " (it takes none)" : " (expected " + String.join(", ", allowed.keySet()) + ")"));
                }
                if (!seen.add(key)) {
                    throw bad(spec, "parameter '" + key + "' given twice");
                }
                double value;
                try {
                    value = Double.parseDouble(number);
                } catch (NumberFormatException e) {
                    throw bad(spec, "'" + number + "' is not a number (parameter " + key + ")");
                }
                if (!(value >= range[1] && value <= range[2])) {
                    throw bad(spec, key + "=" + number + " is out of range [" + format(range[1]) + ", " + format(range[2]) + "]");
                }
                values.put(key, value);
            }
        }
        return kind == Kind.NONE ? NONE : new Degradation(kind, Map.copyOf(values));
    }

    /** Combines a run's seed with a per-image key (for example the file name), so each image gets its own noise. */
    public static long seed(long seed, String key) {
        return seed * 0x9E3779B97F4A7C15L + key.hashCode();
    }

    public Kind kind() {
        return kind;
    }

    /** A parameter's value (the default when the spec omitted it); IllegalArgumentException when this kind has none. */
    public double param(String name) {
        Double v = params.get(name);
        if (v == null) {
            throw new IllegalArgumentException(kind.name().toLowerCase(Locale.ROOT) + " has no parameter " + name);
        }
        return v;
    }

    /** The degraded image, with no face box (see the class comment for the assumed subject region and face size). */
    public RgbImage apply(RgbImage image, long seed) {
        return apply(image, null, seed);
    }

    /** The degraded image; {@code face} (may be null) places the backlight subject and sets the lowres face size. */
    public RgbImage apply(RgbImage image, Box face, long seed) {
        return switch (kind) {
            case NONE -> image;
            case DARK -> dark(image, param("gamma"), param("gain"), param("noise"), seed);
            case BACKLIGHT -> backlight(image, face, param("face"), param("background"));
            case BLUR -> blur(image, param("sigma"));
            case LOWRES -> lowres(image, face, param("size"));
        };
    }

    /** The canonical spec with every parameter, for example {@code dark:gamma=2.5,gain=0.35,noise=8}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(kind.name().toLowerCase(Locale.ROOT));
        String sep = ":";
        for (String key : PARAMS.get(kind).keySet()) {
            s.append(sep).append(key).append('=').append(format(params.get(key)));
            sep = ",";
        }
        return s.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Degradation d && d.kind == kind && d.params.equals(params);
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + params.hashCode();
    }

    private static RgbImage dark(RgbImage image, double gamma, double gain, double noise, long seed) {
        double[] lut = new double[256];
        for (int v = 0; v < 256; v++) {
            lut[v] = 255 * gain * Math.pow(v / 255.0, gamma);
        }
        byte[] src = image.bytes();
        byte[] dst = new byte[src.length];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < src.length; i++) {
            double v = lut[src[i] & 0xff];
            if (noise > 0) {
                v += noise * random.nextGaussian();
            }
            dst[i] = clamp(v);
        }
        return RgbImage.wrap(image.width(), image.height(), dst);
    }

    private static RgbImage backlight(RgbImage image, Box face, double inside, double outside) {
        int w = image.width();
        int h = image.height();
        double cx = face != null ? face.centre().x() : w / 2.0;
        double cy = face != null ? face.centre().y() : h / 2.0;
        double ax = face != null ? face.width() / 2 : SUBJECT_HALF_WIDTH * w;
        double ay = face != null ? face.height() / 2 : SUBJECT_HALF_HEIGHT * h;
        byte[] src = image.bytes();
        byte[] dst = new byte[src.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double dx = (x + 0.5 - cx) / ax;
                double dy = (y + 0.5 - cy) / ay;
                double r = Math.sqrt(dx * dx + dy * dy);
                double t = Math.min(1, Math.max(0, (r - 0.8) / 0.4));
                double subject = 1 - t * t * (3 - 2 * t); // smoothstep: 1 inside, 0 outside
                double scale = inside * subject + outside * (1 - subject);
                int i = (y * w + x) * 3;
                for (int c = 0; c < 3; c++) {
                    dst[i + c] = clamp((src[i + c] & 0xff) * scale);
                }
            }
        }
        return RgbImage.wrap(w, h, dst);
    }

    private static RgbImage blur(RgbImage image, double sigma) {
        int radius = (int) Math.ceil(3 * sigma);
        double[] kernel = new double[2 * radius + 1];
        double sum = 0;
        for (int k = -radius; k <= radius; k++) {
            kernel[k + radius] = Math.exp(-k * k / (2 * sigma * sigma));
            sum += kernel[k + radius];
        }
        for (int k = 0; k < kernel.length; k++) {
            kernel[k] /= sum;
        }
        int w = image.width();
        int h = image.height();
        byte[] src = image.bytes();
        double[] rows = new double[src.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    double v = 0;
                    for (int k = -radius; k <= radius; k++) {
                        int xx = Math.min(w - 1, Math.max(0, x + k));
                        v += kernel[k + radius] * (src[(y * w + xx) * 3 + c] & 0xff);
                    }
                    rows[(y * w + x) * 3 + c] = v;
                }
            }
        }
        byte[] dst = new byte[src.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    double v = 0;
                    for (int k = -radius; k <= radius; k++) {
                        int yy = Math.min(h - 1, Math.max(0, y + k));
                        v += kernel[k + radius] * rows[(yy * w + x) * 3 + c];
                    }
                    dst[(y * w + x) * 3 + c] = clamp(v);
                }
            }
        }
        return RgbImage.wrap(w, h, dst);
    }

    private static RgbImage lowres(RgbImage image, Box face, double size) {
        int w = image.width();
        int h = image.height();
        double faceSize = face != null ? Math.max(face.width(), face.height()) : Math.min(w, h) / FACE_FRACTION_DIVISOR;
        double scale = size / faceSize;
        if (!(scale < 1)) {
            return image;
        }
        int sw = Math.max(1, (int) Math.round(w * scale));
        int sh = Math.max(1, (int) Math.round(h * scale));
        return image.resizeArea(sw, sh).resizeBilinear(w, h);
    }

    private static byte clamp(double v) {
        return (byte) Math.min(255, Math.max(0, Math.round(v)));
    }

    private static IllegalArgumentException bad(String spec, String problem) {
        return new IllegalArgumentException("bad degradation spec '" + spec + "': " + problem);
    }

    private static String format(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static Map<String, double[]> ordered(Object... nameDefaultMinMax) {
        Map<String, double[]> map = new LinkedHashMap<>();
        for (int i = 0; i < nameDefaultMinMax.length; i += 4) {
            map.put((String) nameDefaultMinMax[i], new double[] {((Number) nameDefaultMinMax[i + 1]).doubleValue(),
                    ((Number) nameDefaultMinMax[i + 2]).doubleValue(), ((Number) nameDefaultMinMax[i + 3]).doubleValue()});
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
