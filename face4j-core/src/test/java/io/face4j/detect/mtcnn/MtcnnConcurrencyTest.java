package io.face4j.detect.mtcnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.face4j.detect.Detection;
import io.face4j.image.RgbImage;
import io.face4j.testing.Datasets;

/** The thread-safety claim of MtcnnDetector: one instance shared by 8 threads answers as it does sequentially. */
class MtcnnConcurrencyTest {

    @Test
    void eightThreadsGetTheSequentialResults() throws Exception {
        Path folder = Datasets.require("bench-frames-640x480");
        List<RgbImage> frames = List.of(
                TestImages.read(folder.resolve("bbt1_640x480.png")),
                TestImages.read(folder.resolve("group_1_640x480.png")),
                TestImages.read(folder.resolve("lady_640x480.png")),
                TestImages.read(folder.resolve("dogs_640x480.png")));
        try (var detector = MtcnnDetector.create(MtcnnOptions.defaults().withMinFaceSize(40))) {
            List<List<Detection>> expected = new ArrayList<>();
            for (RgbImage frame : frames) {
                expected.add(detector.detect(frame));
            }
            assertFalse(expected.get(0).isEmpty());
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<List<Detection>>> futures = new ArrayList<>();
                for (int i = 0; i < 32; i++) {
                    RgbImage frame = frames.get(i % frames.size());
                    futures.add(pool.submit(() -> detector.detect(frame)));
                }
                for (int i = 0; i < futures.size(); i++) {
                    assertEquals(expected.get(i % frames.size()), futures.get(i).get(), "call " + i);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
