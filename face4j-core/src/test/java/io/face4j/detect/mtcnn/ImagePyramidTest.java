package io.face4j.detect.mtcnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import io.face4j.image.RgbImage;

class ImagePyramidTest {

    @Test
    void levelsFollowDetectFaceArithmetic() {
        var pyramid = ImagePyramid.of(RgbImage.of(640, 480, new byte[640 * 480 * 3]), 20, 0.709);
        var levels = pyramid.levels();
        // scale 12/20 = 0.6, short side 288 -> 12 needs 0.709^k >= 12/288: k <= 9.27, so 10 levels
        assertEquals(10, levels.size());
        assertEquals(0.6, levels.get(0).scale(), 1e-15);
        assertEquals(385, levels.get(0).scaledWidth());  // int(640 * 0.6 + 1)
        assertEquals(289, levels.get(0).scaledHeight()); // int(480 * 0.6 + 1)
        assertEquals(0.6 * 0.709, levels.get(1).scale(), 1e-15);
        assertEquals(273, levels.get(1).scaledWidth());  // int(640 * 0.4254 + 1) = int(273.256)
        ImagePyramid.Level last = levels.get(9);
        assertEquals(0.6 * Math.pow(0.709, 9), last.scale(), 1e-15);
        assertEquals(14, last.scaledHeight());           // int(480 * 0.027162 + 1) = int(14.04)
        assertEquals(18, last.scaledWidth());            // int(640 * 0.027162 + 1) = int(18.38)
    }

    @Test
    void tinyImageHasNoLevels() {
        assertEquals(0, ImagePyramid.of(RgbImage.of(19, 100, new byte[19 * 100 * 3]), 20, 0.709).levels().size());
        assertEquals(1, ImagePyramid.of(RgbImage.of(20, 100, new byte[20 * 100 * 3]), 20, 0.709).levels().size());
    }

    @Test
    void misuseThrows() {
        RgbImage image = RgbImage.of(4, 4, new byte[48]);
        assertThrows(IllegalArgumentException.class, () -> ImagePyramid.of(image, 0, 0.7));
        assertThrows(IllegalArgumentException.class, () -> ImagePyramid.of(image, 20, 1.0));
    }
}
