package io.face4j.liveness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.face4j.detect.Detection;
import io.face4j.geometry.Box;
import io.face4j.image.RgbImage;

class LivenessDetectorTest {

    private static RgbImage noise(long seed, int w, int h) {
        Random random = new Random(seed);
        byte[] rgb = new byte[w * h * 3];
        random.nextBytes(rgb);
        return RgbImage.of(w, h, rgb);
    }

    @Test
    void resultIsConsistentAndCarriesEveryMeasuredCue() {
        try (LivenessDetector detector = LivenessDetector.create(LivenessOptions.defaults().withExtraCues(EnumSet.allOf(LivenessCue.class)))) {
            LivenessResult r = detector.check(noise(1, 320, 240), new Detection(new Box(100, 50, 220, 190), 0.99, null));
            assertTrue(r.score() >= 0 && r.score() <= 1);
            assertEquals(r.score() >= r.threshold(), r.live());
            assertEquals(LivenessCue.values().length, r.evidence().size());
            for (LivenessCue cue : LivenessCue.values()) {
                assertNotNull(r.evidence(cue.id()), cue.id());
            }
        }
    }

    @Test
    void sharedByFourThreadsGivesTheSameAnswers() throws Exception {
        List<RgbImage> images = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            images.add(noise(10 + i, 200, 200));
        }
        Detection face = new Detection(new Box(40, 30, 160, 170), 0.9, null);
        try (LivenessDetector detector = LivenessDetector.create()) {
            List<Double> expected = new ArrayList<>();
            for (RgbImage image : images) {
                expected.add(detector.check(image, face).score());
            }
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Double>> futures = new ArrayList<>();
                for (int round = 0; round < 4; round++) {
                    for (RgbImage image : images) {
                        futures.add(pool.submit(() -> detector.check(image, face).score()));
                    }
                }
                for (int i = 0; i < futures.size(); i++) {
                    assertEquals(expected.get(i % images.size()), futures.get(i).get(), 0.0);
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void resultReasonsAndValidation() {
        LivenessResult spoof = LivenessResult.of(0.12, 0.5, List.of());
        assertEquals("spoof (score 0.12 < 0.50)", spoof.reason());
        assertEquals("live (score 0.83 >= 0.50)", LivenessResult.of(0.83, 0.5, List.of()).reason());
        assertThrows(IllegalArgumentException.class, () -> new LivenessResult(0.2, true, 0.5, List.of()));
        assertThrows(IllegalArgumentException.class, () -> LivenessResult.of(1.2, 0.5, List.of()));
        assertThrows(IllegalArgumentException.class, () -> LivenessOptions.defaults().withThreshold(-0.1));
        assertThrows(IllegalArgumentException.class, () -> LivenessCue.byId("nope"));
        assertEquals(LivenessCue.HIGH_FREQUENCY, LivenessCue.byId("highfrequency"));
    }
}
