package io.face4j.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import io.face4j.geometry.Box;

class DegradationTest {
    /** Grey levels 0..255 along x, 256 x 2. */
    private static RgbImage ramp() {
        byte[] rgb = new byte[256 * 2 * 3];
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 256; x++) {
                Arrays.fill(rgb, (y * 256 + x) * 3, (y * 256 + x) * 3 + 3, (byte) x);
            }
        }
        return RgbImage.of(256, 2, rgb);
    }

    private static RgbImage constant(int w, int h, int value) {
        byte[] rgb = new byte[w * h * 3];
        Arrays.fill(rgb, (byte) value);
        return RgbImage.of(w, h, rgb);
    }

    private static RgbImage checkerboard(int w, int h) {
        byte[] rgb = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                Arrays.fill(rgb, (y * w + x) * 3, (y * w + x) * 3 + 3, (byte) (((x + y) & 1) == 0 ? 0 : 255));
            }
        }
        return RgbImage.of(w, h, rgb);
    }

    private static double variance(RgbImage image) {
        byte[] b = image.toRgbBytes();
        double mean = 0;
        for (byte v : b) {
            mean += v & 0xff;
        }
        mean /= b.length;
        double var = 0;
        for (byte v : b) {
            var += ((v & 0xff) - mean) * ((v & 0xff) - mean);
        }
        return var / b.length;
    }

    @Test
    void noneIsTheIdentity() {
        RgbImage image = ramp();
        assertSame(image, Degradation.parse("none").apply(image, 1));
        assertEquals("none", Degradation.parse(" NONE ").toString());
    }

    @Test
    void darkWithoutNoiseFollowsTheGammaCurve() {
        RgbImage out = Degradation.parse("dark:noise=0").apply(ramp(), 0);
        assertEquals(89, out.get(255, 0, 0)); // round(255 * 0.35)
        assertEquals(16, out.get(128, 0, 1)); // 89.25 * (128/255)^2.5 = 15.93
        assertEquals(0, out.get(0, 1, 2));
        RgbImage linear = Degradation.parse("dark:gamma=1,gain=0.5,noise=0").apply(ramp(), 0);
        assertEquals(64, linear.get(128, 0, 0));
    }

    @Test
    void darkNoiseIsSeeded() {
        Degradation dark = Degradation.parse("dark");
        RgbImage image = constant(32, 32, 200);
        byte[] a = dark.apply(image, Degradation.seed(0, "a.jpg")).toRgbBytes();
        assertArrayEquals(a, dark.apply(image, Degradation.seed(0, "a.jpg")).toRgbBytes());
        assertFalse(Arrays.equals(a, dark.apply(image, Degradation.seed(1, "a.jpg")).toRgbBytes()));
        assertFalse(Arrays.equals(a, dark.apply(image, Degradation.seed(0, "b.jpg")).toRgbBytes()));
        // noise sigma 8 around 255 * 0.35 * (200/255)^2.5 = 48.6
        RgbImage out = dark.apply(image, 7);
        assertEquals(8.0, Math.sqrt(variance(out)), 0.5);
    }

    @Test
    void blurKeepsAConstantAndFlattensACheckerboard() {
        Degradation blur = Degradation.parse("blur:sigma=2");
        assertEquals(constant(20, 10, 77), blur.apply(constant(20, 10, 77), 0));
        RgbImage board = checkerboard(32, 32);
        double before = variance(board);
        double after = variance(blur.apply(board, 0));
        assertTrue(after < before / 100, before + " -> " + after);
    }

    @Test
    void lowresKeepsTheSizeAndLosesDetail() {
        RgbImage board = checkerboard(250, 200); // assumed face 200 / 2.5 = 80 px, so scale 48 / 80
        RgbImage out = Degradation.parse("lowres:48").apply(board, 0);
        assertEquals(250, out.width());
        assertEquals(200, out.height());
        assertTrue(variance(out) < variance(board) / 4);
        // a face already at most 48 px is unchanged; a box sets the face size
        assertSame(board, Degradation.parse("lowres:size=48").apply(board, Box.ofSize(10, 10, 40, 40), 0));
        assertFalse(board.equals(Degradation.parse("lowres:48").apply(board, Box.ofSize(10, 10, 100, 100), 0)));
    }

    @Test
    void backlightDarkensTheCentreAndBrightensTheCorners() {
        RgbImage out = Degradation.parse("backlight").apply(constant(100, 100, 100), 0);
        assertEquals(35, out.get(50, 50, 0));  // 100 * 0.35
        assertEquals(160, out.get(0, 0, 1));   // 100 * 1.6
        assertEquals(160, out.get(99, 99, 2));
        int edge = out.get(50, 10, 0); // near the ellipse edge (radius 0.99): between the two
        assertTrue(edge > 35 && edge < 160, "feathered: " + edge);
        RgbImage boxed = Degradation.parse("backlight:face=0.5,background=2").apply(constant(100, 100, 100), Box.ofSize(0, 0, 40, 40), 0);
        assertEquals(50, boxed.get(20, 20, 0));
        assertEquals(200, boxed.get(80, 80, 0));
    }

    @Test
    void canonicalFormHasEveryParameter() {
        assertEquals("dark:gamma=2.5,gain=0.35,noise=8", Degradation.parse("dark").toString());
        assertEquals("dark:gamma=3,gain=0.35,noise=0", Degradation.parse("dark:noise=0, gamma=3").toString());
        assertEquals("backlight:face=0.35,background=1.6", Degradation.parse("backlight").toString());
        assertEquals("blur:sigma=1.5", Degradation.parse("blur:1.5").toString());
        assertEquals("lowres:size=32", Degradation.parse("lowres:32").toString());
        assertEquals(Degradation.parse("lowres:32"), Degradation.parse("lowres:size=32"));
    }

    @Test
    void badSpecsNameTheSpecAndTheProblem() {
        assertProblem("fog", "unknown kind 'fog'");
        assertProblem("", "empty");
        assertProblem("dark:gama=2", "unknown parameter 'gama'");
        assertProblem("none:x=1", "it takes none");
        assertProblem("dark:gamma=abc", "'abc' is not a number");
        assertProblem("blur:sigma=-1", "out of range");
        assertProblem("dark:noise=NaN", "out of range");
        assertProblem("dark:2", "expected NAME=VALUE");
        assertProblem("blur:", "nothing after ':'");
        assertProblem("blur:sigma=1,sigma=2", "given twice");
    }

    private static void assertProblem(String spec, String problem) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Degradation.parse(spec));
        assertTrue(e.getMessage().contains(problem) && (spec.isEmpty() || e.getMessage().contains("'" + spec + "'")), e.getMessage());
    }
}
