package io.face4j.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import io.face4j.geometry.Box;
import io.face4j.image.Images;
import io.face4j.image.RgbImage;

/**
 * Small JPEG thumbnails of enrolled faces, one file per template in a folder beside the gallery file
 * ({@code gallery.db.thumbs/123.jpg}); the gallery's own schema stays untouched. Thread-safe (one file per template).
 */
final class Thumbnails {
    /** 112 px: the side of the aligned face the embedder sees; two of them fit side by side on a phone. */
    static final int SIDE = 112;
    /** 0.25: a quarter of the box on each side keeps hair and chin, as a person would crop a portrait. */
    static final double MARGIN = 0.25;

    private final Path folder;

    Thumbnails(Path galleryFile) {
        this.folder = galleryFile.toAbsolutePath().resolveSibling(galleryFile.getFileName() + ".thumbs");
    }

    void save(long templateId, RgbImage image, Box face) {
        Box tight = face.squaredUp();
        Box square = tight.expand(tight.width() * MARGIN, tight.width() * MARGIN);
        int side = (int) Math.max(1, Math.round(square.width()));
        RgbImage crop = image.crop((int) Math.round(square.x1()), (int) Math.round(square.y1()), side, side);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create thumbnail folder " + folder, e);
        }
        Images.write(crop.resizeBilinear(SIDE, SIDE), file(templateId));
    }

    Optional<byte[]> read(long templateId) {
        try {
            Path file = file(templateId);
            return Files.exists(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void delete(long templateId) {
        try {
            Files.deleteIfExists(file(templateId));
        } catch (IOException e) {
            // a thumbnail left behind is harmless: ids are never reused
        }
    }

    private Path file(long templateId) {
        return folder.resolve(templateId + ".jpg");
    }
}
