package io.face4j.align;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import io.face4j.detect.Detection;
import io.face4j.geometry.Box;
import io.face4j.image.RgbImage;

class MarginCropAlignerTest {

    @Test
    void cropRegionFollowsExtractFaceArithmetic() {
        var aligner = new MarginCropAligner(160, 20);
        // box 100 wide, 140 tall: margins 20*100/140 = 14.29 and 20*140/140 = 20 source pixels, half on each side
        Box region = aligner.cropRegion(new Box(50.6, 40.2, 150.6, 180.2), 640, 480);
        assertEquals(new Box(43, 30, 157, 190), region); // int(43.457), int(30.2), int(157.74), int(190.2)
        // cut to the image, then truncated
        assertEquals(new Box(0, 0, 640, 480), aligner.cropRegion(new Box(-30.5, -10, 700, 500), 640, 480));
        assertEquals(new Box(10, 20, 30, 41), new MarginCropAligner(160, 0).cropRegion(new Box(10.9, 20.5, 30.2, 41.99), 640, 480));
    }

    @Test
    void alignCropsAndResizes() {
        byte[] rgb = new byte[8 * 8 * 3];
        for (int i = 0; i < rgb.length; i += 3) {
            int x = (i / 3) % 8;
            rgb[i] = (byte) (x < 4 ? 0 : 200);
        }
        RgbImage image = RgbImage.of(8, 8, rgb);
        var aligner = new MarginCropAligner(2, 0);
        RgbImage face = aligner.align(image, new Detection(new Box(0, 0, 8, 8), 0.9, null));
        assertEquals(2, face.width());
        // shrink by 4: Pillow's triangle spans 4 source pixels each side, weights (x=0..5) .625 .875 .875 .625 .375 .125
        // -> (0.375 + 0.125) * 200 / 3.5 = 28.57 -> 29 on the dark side, mirrored 171 on the bright side
        assertEquals(29, face.get(0, 0, 0));
        assertEquals(171, face.get(1, 1, 0));
    }

    @Test
    void pilBilinearShrinkAveragesLikePillow() {
        // 4 -> 2 columns: scale 2, support 2; output 0 centre 1.0 weights on x=0..2 are 0.75, 0.75, 0.25 (sum 1.75)
        // -> (0.75*0 + 0.75*100 + 0.25*200) / 1.75 = 71.43 -> 71
        byte[] rgb = new byte[4 * 1 * 3];
        int[] values = {0, 100, 200, 255};
        for (int x = 0; x < 4; x++) {
            rgb[x * 3] = (byte) values[x];
        }
        RgbImage shrunk = PilBilinearResize.resize(RgbImage.of(4, 1, rgb), 2, 1);
        assertEquals(71, shrunk.get(0, 0, 0));
        // output 1 centre 3.0: x=1..3 weights 0.25, 0.75, 0.75 -> (25 + 150 + 191.25) / 1.75 = 209.29 -> 209
        assertEquals(209, shrunk.get(1, 0, 0));
    }

    @Test
    void pilBilinearEnlargeInterpolatesAndSameSizeIsACopy() {
        byte[] rgb = {0, 0, 0, (byte) 200, 0, 0};
        RgbImage image = RgbImage.of(2, 1, rgb);
        RgbImage big = PilBilinearResize.resize(image, 4, 1);
        // centres at 0.25, 0.75, 1.25, 1.75 source px: edge outputs clamp to the border pixel's neighbourhood
        assertEquals(0, big.get(0, 0, 0));
        assertEquals(50, big.get(1, 0, 0));
        assertEquals(150, big.get(2, 0, 0));
        assertEquals(200, big.get(3, 0, 0));
        assertArrayEquals(image.toRgbBytes(), PilBilinearResize.resize(image, 2, 1).toRgbBytes());
    }

    @Test
    void misuseThrows() {
        assertThrows(IllegalArgumentException.class, () -> new MarginCropAligner(160, 160));
        assertThrows(IllegalArgumentException.class, () -> new MarginCropAligner(0, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new MarginCropAligner(160, 0).cropRegion(new Box(700, 0, 800, 10), 640, 480));
    }
}
