package io.face4j.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.face4j.detect.Detection;
import io.face4j.detect.FaceSelection;
import io.face4j.detect.mtcnn.MtcnnDetector;
import io.face4j.detect.mtcnn.MtcnnOptions;
import io.face4j.detect.mtcnn.TestImages;
import io.face4j.image.RgbImage;
import io.face4j.testing.Datasets;

/**
 * Our detector + MarginCropAligner against facenet-pytorch's own 160x160 crops (test_images_aligned). Those were
 * made by its CI test (tests/actions_test.py): each photo resized so the shorter side is 512 (torchvision
 * Resize(512), Pillow bilinear), then MTCNN() with its defaults (margin 0, image_size 160, the largest face).
 */
class MarginCropParityTest {
    /**
     * This photo embeds an Adobe RGB (1998) ICC profile: our reader converts it to sRGB while Pillow ignores
     * profiles, so its colours differ (red channel mean 194 vs 180) on top of any geometric difference.
     */
    private static final String ADOBE_RGB_PHOTO = "paul_rudd";

    @Test
    void cropsMatchFacenetPytorchCrops() throws IOException {
        Path photos = Datasets.require("facenet-pytorch-test-images/test_images");
        Path aligned = Datasets.require("facenet-pytorch-test-images/test_images_aligned");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(photos)) {
            files = walk.filter(p -> p.toString().endsWith(".jpg")).sorted().toList();
        }
        var aligner = new MarginCropAligner(160, 0);
        double worst = 0;
        double total = 0;
        try (var detector = MtcnnDetector.create(MtcnnOptions.defaults().withSelection(FaceSelection.LARGEST))) {
            for (Path file : files) {
                String name = file.getParent().getFileName().toString();
                RgbImage photo = resizeShorterSide(TestImages.read(file), 512);
                List<Detection> faces = detector.detect(photo);
                assertEquals(1, faces.size(), "largest face of " + name);
                RgbImage ours = aligner.align(photo, faces.get(0));
                RgbImage reference = TestImages.read(aligned.resolve(name).resolve("1.png"));
                double diff = meanAbsDiff(ours, reference);
                System.out.printf("margin crop parity %s: box %s, mean abs pixel difference %.3f%n", name, faces.get(0).box(), diff);
                total += diff;
                if (name.equals(ADOBE_RGB_PHOTO)) {
                    assertTrue(diff < 20, name + ": mean abs pixel difference " + diff);
                } else {
                    worst = Math.max(worst, diff);
                }
            }
        }
        System.out.printf("margin crop parity: mean %.3f over %d crops; worst of the sRGB photos %.3f (0..255 scale)%n",
                total / files.size(), files.size(), worst);
        assertEquals(4, files.size());
        // JPEG decoders (libjpeg vs ImageIO's) and float rounding in the networks differ slightly, and a box a pixel
        // off shifts a sharp crop; a wrong face or a misplaced crop differs by tens
        assertTrue(worst < 6, "worst mean abs pixel difference " + worst);
    }

    /** torchvision's Resize(size) on a PIL image: shorter side to size, longer side int(size * long / short). */
    static RgbImage resizeShorterSide(RgbImage image, int size) {
        int w = image.width();
        int h = image.height();
        if (w <= h) {
            return PilBilinearResize.resize(image, size, (int) (size * (long) h / (double) w));
        }
        return PilBilinearResize.resize(image, (int) (size * (long) w / (double) h), size);
    }

    static double meanAbsDiff(RgbImage a, RgbImage b) {
        assertEquals(a.width(), b.width());
        assertEquals(a.height(), b.height());
        byte[] x = a.toRgbBytes();
        byte[] y = b.toRgbBytes();
        long sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += Math.abs((x[i] & 0xFF) - (y[i] & 0xFF));
        }
        return sum / (double) x.length;
    }
}
