package io.face4j.align;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.face4j.detect.Detection;
import io.face4j.geometry.AffineTransform;
import io.face4j.geometry.AffineWarp;
import io.face4j.geometry.Box;
import io.face4j.geometry.Landmarks;
import io.face4j.image.RgbImage;

class ArcFaceAlignerTest {

    /** A smooth, asymmetric pattern (so a rotation or flip shows) that bilinear resampling barely blurs. */
    static RgbImage pattern(int size) {
        byte[] rgb = new byte[size * size * 3];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double u = x / (double) size;
                double v = y / (double) size;
                int i = (y * size + x) * 3;
                rgb[i] = (byte) (40 + 180 * u);
                rgb[i + 1] = (byte) (40 + 180 * v);
                rgb[i + 2] = (byte) (128 + 100 * Math.sin(6 * u) * Math.cos(4 * v));
            }
        }
        return RgbImage.of(size, size, rgb);
    }

    static double meanAbsDiff(RgbImage a, RgbImage b, int border) {
        double sum = 0;
        int n = 0;
        for (int y = border; y < a.height() - border; y++) {
            for (int x = border; x < a.width() - border; x++) {
                for (int c = 0; c < 3; c++) {
                    sum += Math.abs(a.get(x, y, c) - b.get(x, y, c));
                    n++;
                }
            }
        }
        return sum / n;
    }

    @Test
    void landmarksOnTheTemplateGiveAnIdentityWarp() {
        RgbImage face = pattern(112);
        var aligner = new ArcFaceAligner();
        AffineTransform t = aligner.transform(ArcFaceAligner.TEMPLATE_112);
        assertEquals(1, t.m00(), 1e-12);
        assertEquals(0, t.m01(), 1e-12);
        assertEquals(0, t.m02(), 1e-9);
        assertEquals(0, t.m12(), 1e-9);
        var detection = new Detection(new Box(20, 30, 90, 110), 0.99, ArcFaceAligner.TEMPLATE_112);
        assertArrayEquals(face.toRgbBytes(), aligner.align(face, detection).toRgbBytes());
    }

    @Test
    void scaledTemplateAtOtherSizes() {
        var aligner = new ArcFaceAligner(224);
        assertEquals(224, aligner.size());
        assertEquals(2 * 38.2946, aligner.template().leftEye().x(), 1e-12);
        assertEquals(2 * 92.2041, aligner.template().mouthRight().y(), 1e-12);
        RgbImage face = pattern(224);
        Landmarks onTemplate = aligner.template();
        assertArrayEquals(face.toRgbBytes(), aligner.align(face, onTemplate).toRgbBytes());
    }

    @Test
    void rotatedFaceComesOutUpright() {
        RgbImage upright = pattern(112);
        // Place the upright face into a 300x300 scene rotated by 35 degrees, scaled by 1.6 and moved.
        double angle = Math.toRadians(35);
        double scale = 1.6;
        var faceToScene = new AffineTransform(
                scale * Math.cos(angle), -scale * Math.sin(angle), 150,
                scale * Math.sin(angle), scale * Math.cos(angle), 20);
        RgbImage scene = AffineWarp.warp(upright, faceToScene, 300);
        Landmarks inScene = ArcFaceAligner.TEMPLATE_112.transform(faceToScene);

        var aligner = new ArcFaceAligner();
        RgbImage aligned = aligner.align(scene, new Detection(inScene.bounds(), 0.9, inScene));

        double diff = meanAbsDiff(upright, aligned, 4);
        assertTrue(diff < 2.0, "aligned crop differs from the upright face by " + diff);
        RgbImage unaligned = scene.crop(150 - 56, 20, 112, 112);
        assertTrue(meanAbsDiff(upright, unaligned, 4) > 20 * diff, "the test pattern is too uniform to tell");
        assertEquals(-angle, aligner.transform(inScene).rotation(), 1e-9);
        assertEquals(1 / scale, aligner.transform(inScene).scale(), 1e-9);
    }

    @Test
    void misuseThrows() {
        assertThrows(IllegalArgumentException.class, () -> new ArcFaceAligner(0));
        var noLandmarks = new Detection(new Box(0, 0, 10, 10), 0.5, null);
        assertThrows(IllegalArgumentException.class, () -> new ArcFaceAligner().align(pattern(20), noLandmarks));
    }
}
