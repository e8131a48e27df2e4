package io.face4j.cli;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import io.face4j.Face;
import io.face4j.image.Images;
import io.face4j.image.RgbImage;

/** Writes annotated copies of images into a folder (nothing when the folder is null). Not thread-safe. */
final class Annotations {
    private final Path dir;
    private final java.util.Set<String> used = new java.util.HashSet<>();

    Annotations(Path dir) {
        this.dir = dir;
        if (dir != null) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new InputException("cannot create folder " + dir + ": " + e.getMessage(), e);
            }
        }
    }

    /** Boxes in green with a label per face; {@code unknown} faces (label starting "unknown") in red. */
    void write(Path source, RgbImage image, List<Face> faces, Function<Face, String> label) {
        if (dir == null) {
            return;
        }
        Annotator annotator = new Annotator(image.toBufferedImage());
        for (Face face : faces) {
            String text = label.apply(face);
            Color color = text != null && text.startsWith("unknown") ? Annotator.UNKNOWN : Annotator.KNOWN;
            annotator.box(face.box(), color, text);
            annotator.landmarks(face.landmarks());
        }
        Images.write(RgbImage.fromBufferedImage(annotator.finish()), target(source));
    }

    /** Same base name as the source, as PNG or JPEG following the source, never overwriting the source itself. */
    private Path target(Path source) {
        String name = source.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT) : "png";
        String suffix = ext.equals("jpg") || ext.equals("jpeg") ? ".jpg" : ".png";
        // Two inputs with the same name (from different folders) get name.png, name-2.png, ...
        String out = base + suffix;
        for (int n = 2; !used.add(out); n++) {
            out = base + "-" + n + suffix;
        }
        return dir.resolve(out);
    }
}
