package io.face4j.cli;

import java.nio.file.Path;

import io.face4j.gallery.Gallery;
import io.face4j.gallery.GalleryException;
import io.face4j.gallery.GalleryOptions;
import picocli.CommandLine.Option;

/** The {@code --gallery FILE} option of every gallery command, and where the gallery is when it is not given. */
final class GalleryMixin {
    /** Environment variable naming the gallery file when {@code --gallery} is not given. */
    static final String ENV = "FACE4J_GALLERY";

    @Option(names = "--gallery", paramLabel = "FILE",
            description = "gallery file (default: $FACE4J_GALLERY, else ~/.face4j/gallery.db); created when missing")
    Path path;

    Path path() {
        if (path != null) {
            return path;
        }
        String env = System.getenv(ENV);
        return env != null && !env.isBlank() ? Path.of(env) : GalleryOptions.defaultPath();
    }

    Gallery open() {
        try {
            return Gallery.open(path());
        } catch (GalleryException e) {
            throw new InputException(e.getMessage(), e);
        }
    }
}
