package io.face4j.embed;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import io.face4j.image.RgbImage;

/** Test-side image reading (ImageIO + RgbImage.fromBufferedImage) and folder listing. */
final class TestImages {
    private TestImages() {
    }

    static RgbImage read(Path file) {
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                throw new IllegalStateException("no ImageIO reader for " + file);
            }
            return RgbImage.fromBufferedImage(image);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Files under {@code folder} with one of the extensions, sorted by path. */
    static List<Path> list(Path folder, String... extensions) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).filter(p -> {
                String name = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
                for (String ext : extensions) {
                    if (name.endsWith("." + ext)) {
                        return true;
                    }
                }
                return false;
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
