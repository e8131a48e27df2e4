package io.face4j.cli;

import io.face4j.FaceFinder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

import io.face4j.Face;
import io.face4j.embed.Embedding;
import io.face4j.image.ImageException;
import io.face4j.image.Images;
import io.face4j.image.RgbImage;

/**
 * The embedding of the main face of a single-subject photo (as evaluation sets are): {@link FaceFinder#primary}, with
 * the padding fallback for tight crops. Empty when there is no face, or when the file cannot be read (reported on
 * {@code err}); evaluations count both as failures. Not thread-safe (one progress bar).
 */
final class PrimaryEmbeddings {
    private final FaceFinder finder;
    private final PrintWriter err;
    private final Progress progress;

    PrimaryEmbeddings(FaceFinder finder, PrintWriter err, Progress progress) {
        this.finder = finder;
        this.err = err;
        this.progress = progress;
    }

    Optional<Embedding> of(Path file) {
        try {
            RgbImage image = Images.read(file);
            return finder.primary(image).map(Face::embedding);
        } catch (ImageException e) {
            err.println("face4j: cannot read " + file + ": " + e.getMessage() + " (counted as no face)");
            return Optional.empty();
        } finally {
            progress.step();
        }
    }
}
