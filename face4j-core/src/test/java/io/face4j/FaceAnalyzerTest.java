package io.face4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.face4j.detect.mtcnn.MtcnnDetector;
import io.face4j.embed.EmbedderOptions;
import io.face4j.embed.OnnxEmbedder;
import io.face4j.geometry.Box;
import io.face4j.geometry.Landmarks;
import io.face4j.geometry.Point;
import io.face4j.image.RgbImage;
import io.face4j.quality.FaceQuality;
import io.face4j.quality.QualityEstimator;
import io.face4j.testing.Datasets;

class FaceAnalyzerTest {
    private static final FaceQuality ANY_QUALITY = new FaceQuality(10, 20, 1, 128, 10, 0, 0);

    private static Face face(double x1, double y1, double x2, double y2) {
        Landmarks l = Landmarks.of(new Point(x1 + 1, y1 + 1), new Point(x2 - 1, y1 + 1), new Point((x1 + x2) / 2, (y1 + y2) / 2),
                new Point(x1 + 1, y2 - 1), new Point(x2 - 1, y2 - 1));
        return new Face(new Box(x1, y1, x2, y2), 0.99, l, null, null, ANY_QUALITY);
    }

    @Test
    void primaryFaceTradesSizeAgainstDistanceFromTheCentre() {
        // 250x250 image, centre (125, 125)
        Face centred = face(105, 105, 145, 145);      // area 1600, offset 0 -> 1600
        Face largeOff = face(0, 0, 80, 80);            // area 6400, offset (85, 85) -> 6400 - 2 * 14450 < 0
        Face largeNear = face(90, 100, 160, 170);      // area 4900, offset (0, 10) -> 4900 - 200 = 4700
        assertEquals(centred, FaceAnalyzer.primaryFace(List.of(largeOff, centred), 250, 250).orElseThrow());
        assertEquals(largeNear, FaceAnalyzer.primaryFace(List.of(centred, largeNear, largeOff), 250, 250).orElseThrow());
        assertTrue(FaceAnalyzer.primaryFace(List.of(), 250, 250).isEmpty());
    }

    @Test
    void optionsMisuseNamesTheParameter() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AnalyzerOptions.defaults().withThreads(-1));
        assertTrue(e.getMessage().startsWith("threads"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AnalyzerOptions.defaults().withoutEmbedder()
                .withAlignment(io.face4j.embed.EmbedderDescriptor.Alignment.MARGIN_CROP, 0));
        assertEquals(40, AnalyzerOptions.defaults().withMinFaceSize(40).detector().minFaceSize());
    }

    @Test
    void analyzeDetectAndDetectOnly() {
        RgbImage image = LfwPipelineTest.read(Datasets.require("bench-frames-640x480").resolve("bbt2_640x480.png"));
        try (FaceAnalyzer analyzer = FaceAnalyzer.create()) {
            List<Face> faces = analyzer.analyze(image);
            assertFalse(faces.isEmpty());
            for (Face f : faces) {
                assertNotNull(f.embedding());
                assertEquals(192, f.embedding().dimension());
                assertTrue(f.embedding().isNormalized());
                assertEquals(112, f.aligned().width());
                assertTrue(f.quality().interOcularPx() > 5, f.quality().toString());
            }
            List<Face> detected = analyzer.detect(image);
            assertEquals(faces.size(), detected.size());
            assertNull(detected.get(0).embedding());
            assertEquals(faces.get(0).box(), detected.get(0).box());
        }
        try (FaceAnalyzer detectOnly = FaceAnalyzer.create(AnalyzerOptions.defaults().withoutEmbedder())) {
            assertTrue(detectOnly.embedder().isEmpty());
            assertTrue(detectOnly.analyze(image).stream().noneMatch(Face::hasEmbedding));
        }
    }

    @Test
    void closesOnlyWhatItOpened() {
        RgbImage image = LfwPipelineTest.read(Datasets.require("bench-frames-640x480").resolve("lady_640x480.png"));
        try (MtcnnDetector detector = MtcnnDetector.create();
             OnnxEmbedder embedder = OnnxEmbedder.mobileFaceNet(EmbedderOptions.defaults())) {
            List<Face> first;
            try (FaceAnalyzer analyzer = FaceAnalyzer.of(detector, embedder, new QualityEstimator())) {
                first = analyzer.analyze(image);
            }
            // the detector and embedder still work after the analyzer was closed
            try (FaceAnalyzer again = FaceAnalyzer.of(detector, embedder, new QualityEstimator())) {
                assertEquals(first.get(0).box(), again.analyze(image).get(0).box());
            }
        }
    }

    @Test
    void sharedByEightThreadsGivesTheSequentialResults() throws Exception {
        Path frames = Datasets.require("bench-frames-640x480");
        List<RgbImage> images = List.of("bbt2_640x480.png", "bbt5_640x480.png", "lady_640x480.png", "dogs_640x480.png").stream()
                .map(name -> LfwPipelineTest.read(frames.resolve(name))).toList();
        try (FaceAnalyzer analyzer = FaceAnalyzer.create()) {
            List<List<Face>> sequential = new ArrayList<>();
            for (RgbImage image : images) {
                sequential.add(analyzer.analyze(image));
            }
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<List<Face>>> futures = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    // each thread takes the images in a different order, so different images run at the same time
                    for (int k = 0; k < images.size(); k++) {
                        RgbImage image = images.get((k + t) % images.size());
                        futures.add(pool.submit(() -> analyzer.analyze(image)));
                    }
                }
                int i = 0;
                for (int t = 0; t < 8; t++) {
                    for (int k = 0; k < images.size(); k++) {
                        List<Face> expected = sequential.get((k + t) % images.size());
                        List<Face> actual = futures.get(i++).get();
                        assertEquals(expected.size(), actual.size());
                        for (int f = 0; f < expected.size(); f++) {
                            assertEquals(expected.get(f).box(), actual.get(f).box());
                            assertEquals(expected.get(f).landmarks(), actual.get(f).landmarks());
                            assertEquals(expected.get(f).quality(), actual.get(f).quality());
                            assertArrayEquals(expected.get(f).embedding().values(), actual.get(f).embedding().values(), 1e-5f);
                        }
                    }
                }
            } finally {
                pool.shutdown();
            }
        }
    }
}
