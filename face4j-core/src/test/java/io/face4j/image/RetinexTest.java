package io.face4j.image;

import static io.face4j.image.EnhancementTestImages.uniform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class RetinexTest {

    @Test
    void uniformBecomesMidGrey() {
        RgbImage out = Retinex.defaults().apply(uniform(50, 40, 20, 20, 20));
        for (byte b : out.toRgbBytes()) {
            assertEquals(128, b & 0xFF);
        }
    }

    @Test
    void removesSlowShadingButKeepsTexture() {
        // The same seeded texture (a checkerboard of 4 px cells, +-20) under illumination falling from 1 to 0.15 left to right.
        int w = 160;
        int h = 80;
        SplittableRandom random = new SplittableRandom(3);
        byte[] rgb = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double texture = 120 + (((x / 4) + (y / 4)) % 2 == 0 ? 20 : -20) + random.nextGaussian();
                double light = 1 - 0.85 * x / (w - 1.0);
                byte v = Luma.clamp(texture * light);
                int i = (y * w + x) * 3;
                rgb[i] = v;
                rgb[i + 1] = v;
                rgb[i + 2] = v;
            }
        }
        RgbImage image = RgbImage.of(w, h, rgb);
        RgbImage out = Retinex.defaults().apply(image);
        double leftBefore = Luma.mean(image, 8, 0, 40, h);
        double rightBefore = Luma.mean(image, w - 40, 0, w - 8, h);
        double leftAfter = Luma.mean(out, 8, 0, 40, h);
        double rightAfter = Luma.mean(out, w - 40, 0, w - 8, h);
        assertTrue(leftBefore - rightBefore > 70, "test image: " + leftBefore + " vs " + rightBefore);
        assertTrue(Math.abs(leftAfter - rightAfter) < 15, "after retinex: " + leftAfter + " vs " + rightAfter);
        // The checkerboard is still there on the dark side: neighbouring cells differ clearly.
        int bright = out.get(w - 22, 41, 0);
        int darkCell = out.get(w - 18, 41, 0);
        assertTrue(Math.abs(bright - darkCell) > 40, "texture on the dark side: " + bright + " vs " + darkCell);
    }

    @Test
    void rejectsABadSigma() {
        assertThrows(IllegalArgumentException.class, () -> new Retinex(0));
    }
}
