package io.face4j.image;

import static io.face4j.image.EnhancementTestImages.gradient;
import static io.face4j.image.EnhancementTestImages.lumaStd;
import static io.face4j.image.EnhancementTestImages.meanLuma;
import static io.face4j.image.EnhancementTestImages.uniform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ClaheTest {

    static LongStream seeds() {
        return LongStream.range(0, 12);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void keepsAUniformImageUniformAndClose(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int v = random.nextInt(256);
        int w = 16 + random.nextInt(200);
        int h = 16 + random.nextInt(200);
        RgbImage out = Clahe.forFrame().apply(uniform(w, h, v, v, v));
        int first = out.get(0, 0, 0);
        byte[] rgb = out.toRgbBytes();
        for (byte b : rgb) {
            assertEquals(first, b & 0xFF, "uniform " + v + " on " + w + "x" + h + " became non-uniform");
        }
        // The clipped excess is spread over all 256 levels, so a flat tile maps v to about v + 1 (never a stretch).
        assertTrue(Math.abs(first - v) <= 3, "uniform " + v + " -> " + first);
    }

    @Test
    void liftsADarkGradient() {
        // Two tiles across, each holding 19 grey levels: each level's bin is clipped, so each level step becomes about
        // 2.7 steps (255 / 128 from the clipped bin plus the spread excess) and the mean rises.
        RgbImage dark = gradient(160, 120, 2, 40, 0, 0);
        RgbImage out = new Clahe(2, Clahe.DEFAULT_CLIP).apply(dark);
        assertTrue(meanLuma(out) > meanLuma(dark) + 15, "mean " + meanLuma(dark) + " -> " + meanLuma(out));
        assertTrue(lumaStd(out) > 1.3 * lumaStd(dark), "contrast " + lumaStd(dark) + " -> " + lumaStd(out));
        // Inside one tile's half (no blending with a neighbour's map) the order of grey levels is kept.
        for (int x = 1; x < 40; x++) {
            assertTrue(out.get(x, 30, 1) >= out.get(x - 1, 30, 1), "not monotonic at x=" + x);
        }
    }

    @Test
    void clipLimitBoundsTheNoiseGain() {
        // A dark flat field with noise: plain equalisation (a huge clip limit) stretches the noise to full range,
        // the default clip limit of 2 keeps the gain small.
        RgbImage noisy = gradient(128, 128, 20, 20, 3, 7);
        double limited = lumaStd(new Clahe(8, Clahe.DEFAULT_CLIP).apply(noisy));
        double unlimited = lumaStd(new Clahe(8, 1000).apply(noisy));
        assertTrue(limited < 3 * lumaStd(noisy), "clip 2: noise " + lumaStd(noisy) + " -> " + limited);
        assertTrue(unlimited > 5 * limited, "clip 1000: " + unlimited + " vs clip 2: " + limited);
    }

    @Test
    void keepsSizeAndChroma() {
        RgbImage colour = uniform(30, 20, 60, 30, 10);
        RgbImage out = Clahe.forAlignedFace().apply(gradient(30, 20, 0, 0, 0, 0));
        assertEquals(30, out.width());
        assertEquals(20, out.height());
        RgbImage lifted = Clahe.forAlignedFace().apply(colour);
        // Y is replaced, Cb and Cr kept: the channel differences survive.
        assertEquals(60 - 30, lifted.get(5, 5, 0) - lifted.get(5, 5, 1));
        assertEquals(30 - 10, lifted.get(5, 5, 1) - lifted.get(5, 5, 2));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 65})
    void rejectsABadGrid(int grid) {
        assertThrows(IllegalArgumentException.class, () -> new Clahe(grid, 2));
    }
}
