package io.face4j.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.face4j.image.RgbImage;

class AffineWarpTest {
    /** A 4x3 image whose red channel is 10 * x + 100 * y's low byte pattern, green = 200, blue = x. */
    private static RgbImage gradient() {
        int w = 4, h = 3;
        byte[] rgb = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = (y * w + x) * 3;
                rgb[i] = (byte) (10 * x + 60 * y);
                rgb[i + 1] = (byte) 200;
                rgb[i + 2] = (byte) x;
            }
        }
        return RgbImage.of(w, h, rgb);
    }

    @Test
    void identityReproducesTheImage() {
        RgbImage image = gradient();
        RgbImage warped = AffineWarp.warp(image, AffineTransform.identity(), 4, 3);
        assertArrayEquals(image.toRgbBytes(), warped.toRgbBytes());
    }

    @Test
    void translationShiftsAndFillsBlack() {
        RgbImage image = gradient();
        // output(u, v) = source(u - 1, v): column 0 of the output maps outside -> black
        RgbImage warped = AffineWarp.warp(image, new AffineTransform(1, 0, 1, 0, 1, 0), 4, 3);
        assertEquals(0, warped.get(0, 1, 1));
        assertEquals(200, warped.get(1, 1, 1));
        assertEquals(image.get(0, 2, 0), warped.get(1, 2, 0));
        assertEquals(image.get(2, 1, 0), warped.get(3, 1, 0));
    }

    @Test
    void halfPixelShiftAveragesAndBlendsTowardsBlackAtTheEdge() {
        RgbImage image = gradient();
        // output(u, v) = source(u + 0.5, v)
        RgbImage warped = AffineWarp.warp(image, new AffineTransform(1, 0, -0.5, 0, 1, 0), 4, 3);
        assertEquals(5, warped.get(0, 0, 0));   // (0 + 10) / 2
        assertEquals(75, warped.get(1, 1, 0));  // (70 + 80) / 2
        assertEquals(100, warped.get(3, 0, 1)); // (200 + outside 0) / 2
    }

    @Test
    void scalingUpByTwoInterpolates() {
        RgbImage image = gradient();
        RgbImage warped = AffineWarp.warp(image, new AffineTransform(2, 0, 0, 0, 2, 0), 8);
        assertEquals(8, warped.width());
        assertEquals(15, warped.get(3, 0, 0));  // source x = 1.5 -> (10 + 20) / 2
        assertEquals(30, warped.get(0, 1, 0));  // source y = 0.5 -> (0 + 60) / 2
    }
}
