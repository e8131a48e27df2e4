package io.face4j.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import io.face4j.image.Images;
import io.face4j.image.RgbImage;

/** Where benchmarks find their input frames: {@code -Dface4j.datasets=DIR}, FACE4J_DATASETS, or ../shared/datasets. */
final class BenchData {
    private BenchData() {
    }

    static Path root() {
        String property = System.getProperty("face4j.datasets");
        if (property != null && !property.isBlank()) {
            return Paths.get(property);
        }
        String env = System.getenv("FACE4J_DATASETS");
        return env != null && !env.isBlank() ? Paths.get(env) : Paths.get("../shared/datasets");
    }

    /** A frame of bench-frames-640x480; fails with a message naming the folder when it is missing. */
    static RgbImage frame(String name) {
        Path file = root().resolve("bench-frames-640x480").resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("benchmark input " + file + " not found: set -Dface4j.datasets=DIR");
        }
        return Images.read(file);
    }
}
