package io.face4j.liveness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.face4j.geometry.Box;
import io.face4j.image.RgbImage;

/** The contrast- and session-robust cues (Laplacian/gradient ratio, face-to-surround sharpness, DoG-LBP) on synthetic images. */
class SessionRobustCuesTest {

    /** Grey noise of amplitude {@code amp} around 128, smoothed by a box of {@code blur} pixels where {@code blurred} says so. */
    private static RgbImage noise(long seed, int w, int h, double amp, int blur, java.util.function.BiPredicate<Integer, Integer> blurred) {
        Random random = new Random(seed);
        double[] v = new double[w * h];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextGaussian();
        }
        return ImageCuesTest.image(w, h, (x, y) -> {
            double s = v[y * w + x];
            if (blur > 0 && blurred.test(x, y)) {
                s = 0;
                int c = 0;
                for (int dy = -blur; dy <= blur; dy++) {
                    for (int dx = -blur; dx <= blur; dx++) {
                        int xx = Math.min(w - 1, Math.max(0, x + dx));
                        int yy = Math.min(h - 1, Math.max(0, y + dy));
                        s += v[yy * w + xx];
                        c++;
                    }
                }
                s = s / c * (2 * blur + 1);
            }
            return (int) Math.round(128 + amp * s);
        });
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void laplacianToGradientFallsWithBlurAndIgnoresContrast(long seed) {
        Box box = new Box(0, 0, 256, 256);
        double sharp = ImageCues.laplacianToGradient(FaceRegion.of(noise(seed, 256, 256, 30, 0, (x, y) -> false), box));
        double sharpLowContrast = ImageCues.laplacianToGradient(FaceRegion.of(noise(seed, 256, 256, 15, 0, (x, y) -> false), box));
        double blurred = ImageCues.laplacianToGradient(FaceRegion.of(noise(seed, 256, 256, 30, 2, (x, y) -> true), box));
        assertTrue(blurred < sharp - 0.5, blurred + " vs " + sharp);
        // halving the contrast barely moves it (rounding to bytes and the +1 regulariser only)
        assertEquals(sharp, sharpLowContrast, 0.05);
        // white noise: E[lap^2] = 20 s^2, E[central-difference gradient^2] = s^2 -> log(20) = 3.0
        assertEquals(Math.log(20), sharp, 0.1);
    }

    @ParameterizedTest
    @ValueSource(longs = {4, 5, 6})
    void faceToSurroundSeesASharpFaceInABlurredRoom(long seed) {
        int[] face = {100, 60, 80};
        java.util.function.BiPredicate<Integer, Integer> outside = (x, y) -> x < 100 || x >= 180 || y < 60 || y >= 140;
        RgbImage live = noise(seed, 320, 240, 30, 2, outside);
        RgbImage print = noise(seed, 320, 240, 30, 2, (x, y) -> true);
        double liveValue = ImageCues.faceToSurroundSharpness(live, face);
        double printValue = ImageCues.faceToSurroundSharpness(print, face);
        assertTrue(liveValue > 1, "sharp face, blurred surround: " + liveValue);
        assertEquals(0, printValue, 0.3, "one blur over face and surround");
        // the face at the image's corner: the ring is clipped, never empty here, and the value stays finite
        assertTrue(Double.isFinite(ImageCues.faceToSurroundSharpness(live, new int[] {0, 0, 80})));
    }

    @Test
    void uniformBinsNumberTheFiftyEightUniformCodes() {
        int[] bin = ImageCues.uniformBins();
        int[] uses = new int[59];
        for (int b : bin) {
            uses[b]++;
        }
        for (int i = 0; i < 58; i++) {
            assertEquals(1, uses[i], "uniform bin " + i);
        }
        assertEquals(256 - 58, uses[58]);
        assertEquals(58, bin[0b01010101] == 58 ? 58 : -1, "alternating bits are not uniform");
        assertTrue(bin[0b00001111] < 58 && bin[0] < 58 && bin[255] < 58);
    }

    @Test
    void dogLbpOfAFlatFaceIsOnePatternAndNoiseSpreads() {
        Box box = new Box(0, 0, 128, 128);
        RgbImage flat = ImageCuesTest.image(128, 128, (x, y) -> 90);
        double[] hist = ImageCues.dogLbpHistogram(FaceRegion.of(flat, box));
        assertEquals(1, Arrays.stream(hist).sum(), 1e-9);
        assertEquals(1, hist[ImageCues.uniformBins()[255]], 1e-9, "every neighbour >= the centre");
        assertEquals(0, ImageCues.dogLbpEntropy(FaceRegion.of(flat, box)), 1e-9);
        FaceRegion noisy = FaceRegion.of(noise(7, 128, 128, 30, 0, (x, y) -> false), box);
        assertEquals(1, Arrays.stream(ImageCues.dogLbpHistogram(noisy)).sum(), 1e-9);
        assertTrue(ImageCues.dogLbpEntropy(noisy) > 3, "noise spreads over many patterns: " + ImageCues.dogLbpEntropy(noisy));
        assertTrue(ImageCues.dogLbpNonUniform(noisy) > 0.2, "noise has many non-uniform codes");
    }
}
