package io.face4j.image;

import static io.face4j.image.EnhancementTestImages.gradient;
import static io.face4j.image.EnhancementTestImages.meanLuma;
import static io.face4j.image.EnhancementTestImages.uniform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ExposureCorrectionTest {

    static LongStream seeds() {
        return LongStream.range(0, 12);
    }

    /** A face-region mean from about 30 to 240 (gamma inside its bounds) is brought to 127.5 within a grey level or two. */
    @ParameterizedTest
    @MethodSource("seeds")
    void mapsTheFaceRegionMeanToTheTarget(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int from = 25 + random.nextInt(100);
        int to = Math.min(250, from + 10 + random.nextInt(120));
        RgbImage image = gradient(112, 112, from, to, 4, seed);
        ExposureCorrection correction = ExposureCorrection.forAlignedFace();
        RgbImage out = correction.apply(image);
        double before = regionMean(image);
        double after = regionMean(out);
        // Per-channel gamma on grey pixels is gamma on the luma, up to rounding to bytes.
        assertEquals(127.5, after, 1.5, "face mean " + before + " -> " + after + " (gamma " + correction.gamma(image) + ")");
    }

    @Test
    void liftsDarkAndDarkensBright() {
        ExposureCorrection correction = ExposureCorrection.forFrame();
        RgbImage dark = gradient(64, 64, 5, 60, 0, 0);
        RgbImage bright = gradient(64, 64, 200, 250, 0, 0);
        assertTrue(correction.gamma(dark) < 1);
        assertTrue(correction.gamma(bright) > 1);
        assertTrue(meanLuma(correction.apply(dark)) > meanLuma(dark) + 50);
        assertTrue(meanLuma(correction.apply(bright)) < meanLuma(bright) - 50);
    }

    @Test
    void stopsAtTheGammaBounds() {
        ExposureCorrection correction = ExposureCorrection.forFrame();
        assertEquals(ExposureCorrection.MIN_GAMMA, correction.gamma(uniform(8, 8, 0, 0, 0)));
        assertEquals(ExposureCorrection.MAX_GAMMA, correction.gamma(uniform(8, 8, 255, 255, 255)));
        // Black stays black and white stays white at any gamma.
        assertEquals(uniform(8, 8, 0, 0, 0), correction.apply(uniform(8, 8, 0, 0, 0)));
    }

    @Test
    void onlyTheRegionDrivesTheGamma() {
        // Left half black, right half mid-grey: the whole-image mean is dark, the right-half region is already at target.
        byte[] rgb = new byte[40 * 40 * 3];
        for (int y = 0; y < 40; y++) {
            for (int x = 20; x < 40; x++) {
                for (int c = 0; c < 3; c++) {
                    rgb[(y * 40 + x) * 3 + c] = (byte) 128;
                }
            }
        }
        RgbImage image = RgbImage.of(40, 40, rgb);
        assertEquals(1.0, new ExposureCorrection(new double[] {0.5, 0, 1, 1}, 128).gamma(image), 0.01);
        assertTrue(ExposureCorrection.forFrame().gamma(image) < 0.5);
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> new ExposureCorrection(new double[] {0.5, 0, 0.5, 1}, 128));
        assertThrows(IllegalArgumentException.class, () -> new ExposureCorrection(ExposureCorrection.WHOLE_IMAGE, 0));
        assertThrows(IllegalArgumentException.class, () -> ExposureCorrection.forFrame().apply(null));
    }

    private static double regionMean(RgbImage image) {
        double[] r = ExposureCorrection.FACE_REGION;
        int w = image.width();
        int h = image.height();
        return Luma.mean(image, (int) Math.floor(r[0] * w), (int) Math.floor(r[1] * h), (int) Math.ceil(r[2] * w), (int) Math.ceil(r[3] * h));
    }
}
