package io.face4j.embed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.face4j.image.Images;
import io.face4j.image.RgbImage;

/** Test-side image reading (the library's reader) and folder listing. */
final class TestImages {
    private TestImages() {
    }

    static RgbImage read(Path file) {
        return Images.read(file);
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
