package io.face4j.cli;

import java.nio.file.Path;

import io.face4j.gallery.Gallery;
import io.face4j.gallery.GalleryException;
import io.face4j.gallery.GalleryOptions;
import picocli.CommandLine.Option;

/** --gallery PATH for the video commands, defaulting to the gallery library's own default file. */
final class GalleryOption {
    @Option(names = "--gallery", paramLabel = "PATH", description = "gallery file (default: ~/.face4j/gallery.db)")
    Path path;

    @Option(names = "--threshold", paramLabel = "SIM",
            description = "similarity needed to name a face (default: the gallery's calibrated threshold, else 0.6)")
    Double threshold;

    Gallery open() {
        Path file = path != null ? path : GalleryOptions.defaultPath();
        try {
            return Gallery.open(file);
        } catch (GalleryException e) {
            throw new InputException("cannot open gallery " + file + ": " + e.getMessage(), e);
        }
    }
}
