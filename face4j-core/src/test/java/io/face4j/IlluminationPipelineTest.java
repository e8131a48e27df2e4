package io.face4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.face4j.align.ArcFaceAligner;
import io.face4j.align.FaceAligner;
import io.face4j.detect.Detection;
import io.face4j.detect.FaceDetector;
import io.face4j.embed.Embedding;
import io.face4j.embed.FaceEmbedder;
import io.face4j.geometry.Box;
import io.face4j.geometry.Landmarks;
import io.face4j.geometry.Point;
import io.face4j.image.Illumination;
import io.face4j.image.IlluminationOptions;
import io.face4j.image.RgbImage;
import io.face4j.quality.QualityEstimator;

/** Dark detection and crop normalisation in FaceAnalyzer and FaceFinder, with a scripted detector and embedder. */
class IlluminationPipelineTest {
    private static final Detection FACE = new Detection(new Box(40, 30, 100, 110), 0.99,
            Landmarks.of(new Point(55, 60), new Point(85, 60), new Point(70, 75), new Point(58, 92), new Point(82, 92)));

    /** Returns FACE for every image brighter than {@code minMean} (as MTCNN misses very dark faces) and records its inputs. */
    static final class ScriptedDetector implements FaceDetector {
        final double minMean;
        final List<RgbImage> seen = new ArrayList<>();

        ScriptedDetector(double minMean) {
            this.minMean = minMean;
        }

        @Override
        public List<Detection> detect(RgbImage image) {
            seen.add(image);
            return mean(image) >= minMean ? List.of(FACE) : List.of();
        }

        @Override
        public void close() {
        }
    }

    /** Embeds a crop as its (mean luma, 1): enough to tell which crop it was given. */
    static final class MeanEmbedder implements FaceEmbedder {
        final List<RgbImage> seen = new ArrayList<>();

        @Override
        public List<Embedding> embed(List<RgbImage> alignedFaces) {
            seen.addAll(alignedFaces);
            return alignedFaces.stream().map(f -> new Embedding(new float[] {(float) mean(f), 1}, "mean")).toList();
        }

        @Override
        public FaceAligner aligner() {
            return new ArcFaceAligner();
        }

        @Override
        public String modelId() {
            return "mean";
        }

        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public void close() {
        }
    }

    static RgbImage grey(int w, int h, int v) {
        byte[] rgb = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                // a little texture so the enhancers have something to work on
                int value = Math.min(255, v + ((x / 8 + y / 8) % 2) * Math.max(1, v / 4));
                for (int c = 0; c < 3; c++) {
                    rgb[(y * w + x) * 3 + c] = (byte) value;
                }
            }
        }
        return RgbImage.of(w, h, rgb);
    }

    static double mean(RgbImage image) {
        byte[] rgb = image.toRgbBytes();
        double sum = 0;
        for (byte b : rgb) {
            sum += b & 0xFF;
        }
        return sum / rgb.length;
    }

    @Test
    void aDarkFrameIsDetectedOnAnEnhancedCopyAndBoxesStayInSourcePixels() {
        RgbImage dark = grey(160, 140, 12);
        ScriptedDetector detector = new ScriptedDetector(60);
        IlluminationOptions options = IlluminationOptions.none().withDarkDetection(Illumination.GAMMA);
        try (FaceAnalyzer plain = FaceAnalyzer.of(detector, null, new QualityEstimator(), IlluminationOptions.none());
             FaceAnalyzer handled = FaceAnalyzer.of(detector, null, new QualityEstimator(), options)) {
            assertTrue(plain.detect(dark).isEmpty());
            List<Face> faces = handled.detect(dark);
            assertEquals(1, faces.size());
            assertEquals(FACE.box(), faces.get(0).box());
            assertEquals(FACE.landmarks(), faces.get(0).landmarks());
            RgbImage input = detector.seen.get(detector.seen.size() - 1);
            assertEquals(dark.width(), input.width());
            assertEquals(dark.height(), input.height());
            assertTrue(mean(input) > 100, "enhanced detection input mean " + mean(input));
            // Quality describes the frame as given: the face is still reported dark.
            assertTrue(faces.get(0).quality().brightness() < 30, "brightness " + faces.get(0).quality().brightness());
        }
    }

    @Test
    void inMissedModeTheEnhancedCopyIsOnlyTriedWhenTheFrameGaveNoFace() {
        RgbImage dark = grey(160, 140, 12);
        IlluminationOptions missed = IlluminationOptions.none().withDarkDetection(Illumination.GAMMA).withOnlyWhenMissed(true);
        ScriptedDetector findsAnything = new ScriptedDetector(0);
        try (FaceAnalyzer analyzer = FaceAnalyzer.of(findsAnything, null, new QualityEstimator(), missed)) {
            assertEquals(1, analyzer.detect(dark).size());
            assertEquals(List.of(dark), findsAnything.seen);
        }
        ScriptedDetector needsLight = new ScriptedDetector(60);
        try (FaceAnalyzer analyzer = FaceAnalyzer.of(needsLight, null, new QualityEstimator(), missed)) {
            List<Face> faces = analyzer.detect(dark);
            assertEquals(1, faces.size());
            assertEquals(FACE.box(), faces.get(0).box());
            assertEquals(2, needsLight.seen.size());
            assertSame(dark, needsLight.seen.get(0));
            assertTrue(mean(needsLight.seen.get(1)) > 100, "second try on the enhanced copy, mean " + mean(needsLight.seen.get(1)));
        }
        assertTrue(IlluminationOptions.defaults().onlyWhenMissed());
        assertEquals(Illumination.GAMMA, IlluminationOptions.defaults().darkDetection());
    }

    @Test
    void aFrameThatIsNotDarkIsDetectedAsItIs() {
        RgbImage normal = grey(160, 140, 110);
        ScriptedDetector detector = new ScriptedDetector(0);
        IlluminationOptions options = IlluminationOptions.none().withDarkDetection(Illumination.CLAHE);
        try (FaceAnalyzer analyzer = FaceAnalyzer.of(detector, null, new QualityEstimator(), options)) {
            analyzer.detect(normal);
            assertSame(normal, detector.seen.get(0));
        }
        assertTrue(options.isDark(grey(10, 10, 30)));
        assertTrue(!options.isDark(grey(10, 10, 41)));
    }

    @Test
    void theAlignedCropComesFromTheSourceAskedForAndIsNormalised() {
        RgbImage dark = grey(160, 140, 12);
        IlluminationOptions detectOnly = IlluminationOptions.none().withDarkDetection(Illumination.GAMMA);
        double fromOriginal = embeddedMean(dark, detectOnly);
        double fromEnhanced = embeddedMean(dark, detectOnly.withAlignEnhanced(true));
        double normalised = embeddedMean(dark, detectOnly.withCrop(Illumination.GAMMA));
        assertTrue(fromOriginal < 30, "crop from the original frame: mean " + fromOriginal);
        assertTrue(fromEnhanced > 90, "crop from the enhanced copy: mean " + fromEnhanced);
        assertTrue(normalised > 90, "original crop after gamma normalisation: mean " + normalised);
    }

    @Test
    void faceFinderPadsTheEnhancedCopyAndShiftsBoxesBack() {
        // A tight dark crop: no face unpadded (scripted: the detector wants the padded size), found on the padded enhanced copy.
        RgbImage dark = grey(120, 120, 12);
        FaceDetector detector = new FaceDetector() {
            @Override
            public List<Detection> detect(RgbImage image) {
                return image.width() > 120 && mean(image.crop(60, 60, 120, 120)) > 60 ? List.of(FACE) : List.of();
            }

            @Override
            public void close() {
            }
        };
        IlluminationOptions options = IlluminationOptions.none().withDarkDetection(Illumination.GAMMA);
        try (FaceAnalyzer analyzer = FaceAnalyzer.of(detector, null, new QualityEstimator(), options)) {
            List<Face> faces = new FaceFinder(analyzer).find(dark);
            assertEquals(1, faces.size());
            int pad = (int) Math.round(120 * FaceFinder.PAD_FRACTION);
            assertEquals(FACE.box().translate(-pad, -pad), faces.get(0).box());
        }
    }

    @Test
    void embedAlignedNormalisesTheCrops() {
        MeanEmbedder embedder = new MeanEmbedder();
        try (FaceAnalyzer analyzer = FaceAnalyzer.of(new ScriptedDetector(0), embedder, new QualityEstimator(),
                IlluminationOptions.none().withCrop(Illumination.GAMMA))) {
            Embedding e = analyzer.embedAligned(List.of(grey(112, 112, 20))).get(0);
            assertTrue(e.get(0) > 100, "normalised crop mean " + e.get(0));
            assertThrows(IllegalArgumentException.class, () -> analyzer.embedAligned(null));
        }
        try (FaceAnalyzer detectOnly = FaceAnalyzer.of(new ScriptedDetector(0), null, new QualityEstimator())) {
            assertThrows(IllegalStateException.class, () -> detectOnly.embedAligned(List.of(grey(112, 112, 20))));
        }
    }

    @Test
    void optionsNameTheirProblems() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Illumination.parse("bright"));
        assertTrue(e.getMessage().contains("'bright'") && e.getMessage().contains("none, gamma, clahe or retinex"), e.getMessage());
        assertEquals(Illumination.CLAHE, Illumination.parse("CLAHE"));
        assertThrows(IllegalArgumentException.class, () -> IlluminationOptions.none().withDarkLuma(300));
        assertThrows(IllegalArgumentException.class, () -> IlluminationOptions.none().withCrop(null));
        assertThrows(NullPointerException.class, () -> AnalyzerOptions.defaults().withIllumination(null));
    }

    private static double embeddedMean(RgbImage frame, IlluminationOptions options) {
        MeanEmbedder embedder = new MeanEmbedder();
        try (FaceAnalyzer analyzer = FaceAnalyzer.of(new ScriptedDetector(60), embedder, new QualityEstimator(), options)) {
            List<Face> faces = analyzer.analyze(frame);
            assertEquals(1, faces.size());
            assertSame(embedder.seen.get(0), faces.get(0).aligned());
            return faces.get(0).embedding().get(0);
        }
    }
}
