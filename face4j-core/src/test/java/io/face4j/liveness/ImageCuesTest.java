package io.face4j.liveness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.face4j.geometry.Box;
import io.face4j.image.RgbImage;

class ImageCuesTest {

    static RgbImage image(int w, int h, java.util.function.IntBinaryOperator grey) {
        byte[] rgb = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = Math.max(0, Math.min(255, grey.applyAsInt(x, y)));
                rgb[(y * w + x) * 3] = (byte) v;
                rgb[(y * w + x) * 3 + 1] = (byte) v;
                rgb[(y * w + x) * 3 + 2] = (byte) v;
            }
        }
        return RgbImage.of(w, h, rgb);
    }

    @Test
    void expoSquareGrowsTheShortSideAndShiftsInside() {
        // 40x60 box: side 60, left moves by (60 - 40) / 2
        assertArrayEquals(new int[] {0, 20, 60}, FaceRegion.expoSquare(new Box(10, 20, 50, 80), 200, 200));
        // past the left edge: shifted right (and down) by 5, as Box.limitSquare does
        assertArrayEquals(new int[] {0, 10, 40}, FaceRegion.expoSquare(new Box(-5, 10, 35, 40), 200, 200));
        // past the bottom-right corner by 20 and 10: shifted back by the larger
        assertArrayEquals(new int[] {160, 150, 40}, FaceRegion.expoSquare(new Box(180, 170, 220, 210), 200, 200));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void fftMatchesTheDirectDft(long seed) {
        Random random = new Random(seed);
        int n = 16;
        double[] re = new double[n];
        double[] im = new double[n];
        for (int i = 0; i < n; i++) {
            re[i] = random.nextGaussian();
            im[i] = random.nextGaussian();
        }
        double[] expectedRe = new double[n];
        double[] expectedIm = new double[n];
        for (int k = 0; k < n; k++) {
            for (int t = 0; t < n; t++) {
                double a = -2 * Math.PI * k * t / n;
                expectedRe[k] += re[t] * Math.cos(a) - im[t] * Math.sin(a);
                expectedIm[k] += re[t] * Math.sin(a) + im[t] * Math.cos(a);
            }
        }
        Spectrum.fft(re, im);
        assertArrayEquals(expectedRe, re, 1e-9);
        assertArrayEquals(expectedIm, im, 1e-9);
    }

    @Test
    void powerPeaksAtTheStripeFrequency() {
        int n = 32;
        double[] values = new double[n * n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                values[y * n + x] = Math.cos(2 * Math.PI * 5 * x / n);
            }
        }
        double[] power = Spectrum.power(values, n);
        int argmax = 0;
        for (int i = 1; i < power.length; i++) {
            if (power[i] > power[argmax]) {
                argmax = i;
            }
        }
        // row 0, column 5 or its mirror n - 5
        assertEquals(0, argmax / n);
        assertTrue(argmax % n == 5 || argmax % n == n - 5, "peak at column " + argmax % n);
    }

    @Test
    void cuesRankObviousCases() {
        Box box = new Box(20, 20, 220, 220);
        RgbImage smooth = image(240, 240, (x, y) -> 60 + x / 3);
        RgbImage fine = image(240, 240, (x, y) -> ((x + y) % 2 == 0) ? 40 : 200);
        FaceRegion s = FaceRegion.of(smooth, box);
        FaceRegion f = FaceRegion.of(fine, box);
        assertTrue(ImageCues.sharpness(f) > ImageCues.sharpness(s) + 3);
        assertTrue(ImageCues.highFrequency(f) > ImageCues.highFrequency(s) + 1);
        assertTrue(ImageCues.contrast(f) > ImageCues.contrast(s));
        // grey images have no saturation and no chroma spread
        assertEquals(0, ImageCues.saturation(s), 1e-12);
        assertEquals(0, ImageCues.chromaSpread(s), 1e-9);
        // specular: a white patch over a quarter of the crop against none (floored at 1e-4)
        RgbImage patch = image(240, 240, (x, y) -> x < 120 && y < 120 ? 250 : 90);
        assertEquals(-4, ImageCues.specular(s), 1e-12);
        assertEquals(Math.log10(0.25), ImageCues.specular(FaceRegion.of(patch, new Box(20, 20, 220, 220))), 0.05);
    }
}
