package io.face4j.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.face4j.geometry.Box;
import io.face4j.geometry.Landmarks;
import io.face4j.geometry.Point;
import io.face4j.image.RgbImage;

class QualityEstimatorTest {
    private final QualityEstimator estimator = new QualityEstimator();

    /** Eyes at (35,40) and (65,40), nose (50,55), mouth (38,72) and (62,72) in a 100x100 face: frontal, level. */
    private static Landmarks frontal(double scale, double dx, double dy) {
        return new Landmarks(List.of(new Point(35 * scale + dx, 40 * scale + dy), new Point(65 * scale + dx, 40 * scale + dy),
                new Point(50 * scale + dx, 55 * scale + dy), new Point(38 * scale + dx, 72 * scale + dy),
                new Point(62 * scale + dx, 72 * scale + dy)));
    }

    private static RgbImage checkerboard(int size, int cell, int low, int high) {
        byte[] rgb = new byte[size * size * 3];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int v = ((x / cell) + (y / cell)) % 2 == 0 ? low : high;
                for (int c = 0; c < 3; c++) {
                    rgb[(y * size + x) * 3 + c] = (byte) v;
                }
            }
        }
        return RgbImage.of(size, size, rgb);
    }

    private static RgbImage boxBlur(RgbImage image, int radius) {
        int w = image.width();
        int h = image.height();
        byte[] out = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    int sum = 0;
                    int n = 0;
                    for (int yy = Math.max(0, y - radius); yy <= Math.min(h - 1, y + radius); yy++) {
                        for (int xx = Math.max(0, x - radius); xx <= Math.min(w - 1, x + radius); xx++) {
                            sum += image.get(xx, yy, c);
                            n++;
                        }
                    }
                    out[(y * w + x) * 3 + c] = (byte) Math.round((float) sum / n);
                }
            }
        }
        return RgbImage.of(w, h, out);
    }

    private static RgbImage uniform(int size, int value) {
        byte[] rgb = new byte[size * size * 3];
        java.util.Arrays.fill(rgb, (byte) value);
        return RgbImage.of(size, size, rgb);
    }

    @Test
    void blurLowersSharpness() {
        RgbImage sharp = checkerboard(128, 8, 60, 200);
        RgbImage blurred = boxBlur(sharp, 4);
        Box box = new Box(0, 0, 128, 128);
        double sharpScore = estimator.estimate(sharp, box, frontal(1.28, 0, 0)).sharpness();
        double blurredScore = estimator.estimate(blurred, box, frontal(1.28, 0, 0)).sharpness();
        assertTrue(sharpScore > 5 * blurredScore, "sharp " + sharpScore + " vs blurred " + blurredScore);
    }

    @Test
    void sharpnessIsComparableAcrossFaceSizes() {
        // the same pattern at two sizes (cells scale with the face) reads about the same after the fixed-size resize
        double small = estimator.estimate(checkerboard(128, 16, 60, 200), new Box(0, 0, 128, 128), frontal(1.28, 0, 0)).sharpness();
        double large = estimator.estimate(checkerboard(512, 64, 60, 200), new Box(0, 0, 512, 512), frontal(5.12, 0, 0)).sharpness();
        assertEquals(1.0, large / small, 0.25, "small " + small + " large " + large);
    }

    @Test
    void brightnessAndContrastOfTheBoxOnly() {
        RgbImage dark = uniform(100, 30);
        RgbImage bright = uniform(100, 220);
        Box box = new Box(10, 10, 90, 90);
        FaceQuality darkQuality = estimator.estimate(dark, box, frontal(1, 0, 0));
        FaceQuality brightQuality = estimator.estimate(bright, box, frontal(1, 0, 0));
        assertEquals(30, darkQuality.brightness(), 0.5);
        assertEquals(220, brightQuality.brightness(), 0.5);
        assertEquals(0, darkQuality.contrast(), 1e-9);
        assertEquals(0, darkQuality.sharpness(), 1e-9);
        // checkerboard of 60 and 200: mean 130, std 70
        FaceQuality checker = estimator.estimate(checkerboard(128, 16, 60, 200), new Box(0, 0, 128, 128), frontal(1.28, 0, 0));
        assertEquals(130, checker.brightness(), 1);
        assertEquals(70, checker.contrast(), 1);
    }

    @Test
    void visibleFractionIsTheBoxAreaInsideTheImage() {
        FaceQuality inside = estimator.estimate(uniform(200, 128), new Box(20, 30, 120, 150), frontal(1, 20, 30));
        assertEquals(1, inside.visibleFraction(), 1e-12);
        // a 100x100 box with its left 40 px past the left border of a 200x200 image
        FaceQuality cut = estimator.estimate(uniform(200, 128), new Box(-40, 50, 60, 150), frontal(1, -40, 50));
        assertEquals(0.6, cut.visibleFraction(), 1e-12);
        assertEquals(0.25, QualityEstimator.visibleFraction(new Box(-50, -50, 50, 50), 200, 200), 1e-12);
    }

    @Test
    void sizesComeFromLandmarksAndBox() {
        FaceQuality q = estimator.estimate(uniform(200, 128), new Box(20, 30, 120, 150), frontal(1, 20, 30));
        assertEquals(30, q.interOcularPx(), 1e-9);
        assertEquals(100, q.boxSidePx(), 1e-9);
    }

    @Test
    void rotatedLandmarksGiveTheRoll() {
        for (double degrees : new double[] {-30, -10, 0, 15, 40}) {
            Landmarks rotated = rotate(frontal(1, 0, 0), 50, 50, Math.toRadians(degrees));
            assertEquals(degrees, QualityEstimator.rollDegrees(rotated), 1e-9);
            // roll alone is not yaw
            assertEquals(0, QualityEstimator.yawDegrees(rotated), 1e-9);
        }
    }

    @Test
    void noseOffsetGivesTheYaw() {
        assertEquals(0, QualityEstimator.yawDegrees(frontal(1, 0, 0)), 1e-9);
        // nose moved right by half the half-eye distance (7.5 px of 15): r = 0.5 -> atan(0.5) = 26.57 degrees
        Landmarks turned = withNose(frontal(1, 0, 0), new Point(57.5, 55));
        assertEquals(Math.toDegrees(Math.atan(0.5)), QualityEstimator.yawDegrees(turned), 1e-9);
        Landmarks other = withNose(frontal(1, 0, 0), new Point(35, 55));
        assertEquals(-45, QualityEstimator.yawDegrees(other), 1e-9);
        // the same face rolled by 20 degrees keeps its yaw
        assertEquals(Math.toDegrees(Math.atan(0.5)), QualityEstimator.yawDegrees(rotate(turned, 50, 50, Math.toRadians(20))), 1e-9);
    }

    @Test
    void misuseNamesTheParameter() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> estimator.estimate(uniform(10, 0), null, frontal(1, 0, 0)));
        assertTrue(e.getMessage().startsWith("box"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> QualityOptions.defaults().withRegionSize(2));
    }

    private static Landmarks withNose(Landmarks l, Point nose) {
        return new Landmarks(List.of(l.leftEye(), l.rightEye(), nose, l.mouthLeft(), l.mouthRight()));
    }

    private static Landmarks rotate(Landmarks l, double cx, double cy, double angle) {
        List<Point> out = new ArrayList<>();
        for (Point p : l.points()) {
            double dx = p.x() - cx;
            double dy = p.y() - cy;
            out.add(new Point(cx + dx * Math.cos(angle) - dy * Math.sin(angle), cy + dx * Math.sin(angle) + dy * Math.cos(angle)));
        }
        return new Landmarks(out);
    }
}
