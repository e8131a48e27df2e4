package io.face4j.image;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.face4j.testing.Datasets;

/** Every image file in small real-data folders reads without error (skipped when the datasets are absent). */
class DatasetImagesTest {

    @ParameterizedTest
    @ValueSource(strings = {"face_recognition-examples", "orl-att-faces/s1"})
    void everyImageReads(String folder) throws IOException {
        Path root = Datasets.require(folder);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).filter(DatasetImagesTest::isImageName).sorted().toList();
        }
        assertTrue(!files.isEmpty(), "no image files under " + root);
        List<String> failures = new ArrayList<>();
        for (Path file : files) {
            try {
                RgbImage image = Images.read(file);
                if (image.width() < 8 || image.height() < 8) {
                    failures.add(file + ": implausible size " + image);
                }
            } catch (ImageException e) {
                failures.add(e.getMessage());
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + files.size() + " failed:\n" + String.join("\n", failures));
    }

    private static boolean isImageName(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.matches(".*\\.(jpe?g|png|gif|bmp|pgm|ppm|pnm|tiff?)");
    }
}
