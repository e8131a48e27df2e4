package io.face4j.cli;

import io.face4j.gallery.Gallery;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The video commands' gallery options: the shared {@code --gallery} (with $FACE4J_GALLERY) plus a naming threshold. */
final class GalleryOption {
    @Mixin
    GalleryMixin gallery;

    @Option(names = "--threshold", paramLabel = "SIM",
            description = "similarity needed to name a face (default: the gallery's calibrated threshold, else 0.6)")
    Double threshold;

    Gallery open() {
        return gallery.open();
    }
}
