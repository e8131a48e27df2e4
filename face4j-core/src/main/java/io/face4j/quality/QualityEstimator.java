package io.face4j.quality;

import io.face4j.detect.Detection;
import io.face4j.geometry.Box;
import io.face4j.geometry.Landmarks;
import io.face4j.geometry.Point;
import io.face4j.image.RgbImage;

/**
 * Computes {@link FaceQuality} from the image, the face box and the five landmarks (no model). Thread-safe (immutable).
 *
 * <p>Pose from landmarks. Roll is the angle of the eye line, {@code atan2(rightEye.y - leftEye.y, rightEye.x - leftEye.x)}.
 * Yaw: the landmarks are first rotated by {@code -roll} about the eye midpoint; the face midline is the line from the eye
 * midpoint to the mouth midpoint, and {@code r} is the nose's horizontal offset from that line (at the nose's height)
 * divided by half the inter-ocular distance. With the eyes at {@code (+-e, 0)} and the nose tip {@code d} in front of
 * them, an orthographic view of a head turned by {@code yaw} gives {@code r = (d / e) tan(yaw)}; the reported yaw is
 * {@code atan(r)}, i.e. it assumes {@code d ~ e} (nose tip about 30 mm in front of the pupils, which are about 32 mm
 * from the centre). So r = 0.5 reads as ~27 degrees, r = 1 as 45 degrees. The mouth corners move with the head too,
 * so large yaws are underestimated; treat it as a frontal-versus-profile indicator, not a measurement.
 */
public final class QualityEstimator {

    private final QualityOptions options;

    public QualityEstimator(QualityOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        this.options = options;
    }

    public QualityEstimator() {
        this(QualityOptions.defaults());
    }

    public QualityOptions options() {
        return options;
    }

    public FaceQuality estimate(RgbImage image, Detection detection) {
        if (detection == null) {
            throw new IllegalArgumentException("detection must not be null");
        }
        return estimate(image, detection.box(), detection.landmarks());
    }

    /** Quality of the face in {@code box} (clipped to the image) with its five landmarks. */
    public FaceQuality estimate(RgbImage image, Box box, Landmarks landmarks) {
        if (image == null) {
            throw new IllegalArgumentException("image must not be null");
        }
        if (box == null) {
            throw new IllegalArgumentException("box must not be null");
        }
        if (landmarks == null) {
            throw new IllegalArgumentException("landmarks must not be null");
        }
        double[] luma = faceLuma(image, box);
        double brightness = mean(luma);
        double contrast = Math.sqrt(variance(luma, brightness));
        double sharpness = laplacianVariance(luma, options.regionSize());
        Point le = landmarks.leftEye();
        Point re = landmarks.rightEye();
        double interOcular = Math.hypot(re.x() - le.x(), re.y() - le.y());
        double boxSide = Math.min(box.width(), box.height());
        return new FaceQuality(interOcular, boxSide, sharpness, brightness, contrast, yawDegrees(landmarks), rollDegrees(landmarks),
                visibleFraction(box, image.width(), image.height()));
    }

    /** Fraction of the box's area inside a {@code width x height} image; 1 for an empty box. */
    public static double visibleFraction(Box box, int width, int height) {
        double area = box.width() * box.height();
        if (!(area > 0)) {
            return 1;
        }
        double w = Math.max(0, Math.min(box.x2(), width) - Math.max(box.x1(), 0));
        double h = Math.max(0, Math.min(box.y2(), height) - Math.max(box.y1(), 0));
        return Math.min(1, w * h / area);
    }

    /** Angle of the eye line in degrees; positive when the image-right eye is lower. */
    public static double rollDegrees(Landmarks landmarks) {
        Point le = landmarks.leftEye();
        Point re = landmarks.rightEye();
        return Math.toDegrees(Math.atan2(re.y() - le.y(), re.x() - le.x()));
    }

    /** Rough yaw in degrees from the nose's offset to the eye-mouth midline; see the class comment for the model. */
    public static double yawDegrees(Landmarks landmarks) {
        Point le = landmarks.leftEye();
        Point re = landmarks.rightEye();
        double halfEyes = Math.hypot(re.x() - le.x(), re.y() - le.y()) / 2;
        if (halfEyes < 1e-9) {
            return 0;
        }
        double roll = Math.atan2(re.y() - le.y(), re.x() - le.x());
        double cx = (le.x() + re.x()) / 2;
        double cy = (le.y() + re.y()) / 2;
        // Undo roll about the eye midpoint, which then becomes the origin.
        Point nose = unrotate(landmarks.nose(), cx, cy, roll);
        Point ml = unrotate(landmarks.mouthLeft(), cx, cy, roll);
        Point mr = unrotate(landmarks.mouthRight(), cx, cy, roll);
        double mouthX = (ml.x() + mr.x()) / 2;
        double mouthY = (ml.y() + mr.y()) / 2;
        // Midline x at the nose's height: from (0, 0) to the mouth midpoint; vertical when the mouth is level with the eyes.
        double midlineX = Math.abs(mouthY) < 1e-9 ? 0 : mouthX * (nose.y() / mouthY);
        double r = (nose.x() - midlineX) / halfEyes;
        return Math.toDegrees(Math.atan(r));
    }

    private static Point unrotate(Point p, double cx, double cy, double angle) {
        double dx = p.x() - cx;
        double dy = p.y() - cy;
        double cos = Math.cos(-angle);
        double sin = Math.sin(-angle);
        return new Point(dx * cos - dy * sin, dx * sin + dy * cos);
    }

    /** Luma of the box (clipped to the image) resized to regionSize square; NaN-free. */
    private double[] faceLuma(RgbImage image, Box box) {
        int x1 = clamp((int) Math.floor(box.x1()), 0, image.width() - 1);
        int y1 = clamp((int) Math.floor(box.y1()), 0, image.height() - 1);
        int x2 = clamp((int) Math.ceil(box.x2()), x1 + 1, image.width());
        int y2 = clamp((int) Math.ceil(box.y2()), y1 + 1, image.height());
        int size = options.regionSize();
        RgbImage region = image.crop(x1, y1, x2 - x1, y2 - y1);
        // Area averaging when shrinking (no aliasing that would fake sharpness), bilinear when enlarging.
        region = region.width() >= size && region.height() >= size ? region.resizeArea(size, size) : region.resizeBilinear(size, size);
        byte[] rgb = region.toRgbBytes();
        double[] luma = new double[size * size];
        for (int i = 0; i < luma.length; i++) {
            // ITU-R BT.601 luma weights
            luma[i] = 0.299 * (rgb[3 * i] & 0xFF) + 0.587 * (rgb[3 * i + 1] & 0xFF) + 0.114 * (rgb[3 * i + 2] & 0xFF);
        }
        return luma;
    }

    private static double laplacianVariance(double[] luma, int size) {
        double[] lap = new double[(size - 2) * (size - 2)];
        int k = 0;
        for (int y = 1; y < size - 1; y++) {
            for (int x = 1; x < size - 1; x++) {
                int i = y * size + x;
                lap[k++] = luma[i - 1] + luma[i + 1] + luma[i - size] + luma[i + size] - 4 * luma[i];
            }
        }
        return variance(lap, mean(lap));
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double variance(double[] values, double mean) {
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return sum / values.length;
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
