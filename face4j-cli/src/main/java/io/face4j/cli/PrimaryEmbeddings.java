package io.face4j.cli;

import io.face4j.FaceFinder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

import io.face4j.Face;
import io.face4j.embed.Embedding;
import io.face4j.image.Degradation;
import io.face4j.image.ImageException;
import io.face4j.image.Images;
import io.face4j.image.RgbImage;

/**
 * The embedding of the main face of a single-subject photo (as evaluation sets are): {@link FaceFinder#primary}, with
 * the padding fallback for tight crops. Empty when there is no face, or when the file cannot be read (reported on
 * {@code err}); evaluations count both as failures. An optional {@link Degradation} is applied to each image after
 * reading, seeded by the run's seed and the file name, so a degraded run repeats exactly. Not thread-safe (one progress bar).
 */
final class PrimaryEmbeddings {
    private final FaceFinder finder;
    private final PrintWriter err;
    private final Progress progress;
    private final Degradation degradation;
    private final long seed;

    PrimaryEmbeddings(FaceFinder finder, PrintWriter err, Progress progress) {
        this(finder, err, progress, Degradation.none(), 0);
    }

    PrimaryEmbeddings(FaceFinder finder, PrintWriter err, Progress progress, Degradation degradation, long seed) {
        this.finder = finder;
        this.err = err;
        this.progress = progress;
        this.degradation = degradation;
        this.seed = seed;
    }

    /** The same finder, progress bar and error stream with another degradation (for example none for enrolment). */
    PrimaryEmbeddings with(Degradation other) {
        return new PrimaryEmbeddings(finder, err, progress, other, seed);
    }

    Optional<Embedding> of(Path file) {
        try {
            RgbImage image = degradation.apply(Images.read(file), Degradation.seed(seed, String.valueOf(file.getFileName())));
            return finder.primary(image).map(Face::embedding);
        } catch (ImageException e) {
            err.println("face4j: cannot read " + file + ": " + e.getMessage() + " (counted as no face)");
            return Optional.empty();
        } finally {
            progress.step();
        }
    }
}
