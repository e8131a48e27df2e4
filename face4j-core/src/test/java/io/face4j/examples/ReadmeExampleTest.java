package io.face4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.face4j.AnalyzerOptions;
import io.face4j.Face;
import io.face4j.FaceAnalyzer;
import io.face4j.image.Images;
import io.face4j.image.RgbImage;

/**
 * The README's library example, kept compiling and running: a break of the public API it uses fails here first.
 * It runs on a synthetic blank image, which must give no face.
 */
class ReadmeExampleTest {
    @Test
    void readmeLibraryExampleRuns(@TempDir Path dir) {
        Path photo = dir.resolve("photo.png");
        byte[] grey = new byte[320 * 240 * 3];
        java.util.Arrays.fill(grey, (byte) 128);
        Images.write(RgbImage.of(320, 240, grey), photo);

        try (FaceAnalyzer analyzer = FaceAnalyzer.create(AnalyzerOptions.defaults().withMinFaceSize(40))) {
            RgbImage image = Images.read(photo);
            List<Face> faces = analyzer.analyze(image);
            for (Face face : faces) {
                System.out.println(face.box() + " " + face.score());
            }
            assertEquals(List.of(), faces, "a blank image has no face");
            assertTrue(analyzer.embedder().isPresent());
        }
    }
}
