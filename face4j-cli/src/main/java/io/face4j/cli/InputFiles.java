package io.face4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** Expands IMAGE_OR_DIR arguments into image files: files as given, folders into their image files in name order. */
final class InputFiles {
    /** Extensions read by the image package (case-insensitive). */
    static final Set<String> IMAGE_EXTENSIONS = Set.of("jpg", "jpeg", "png", "bmp", "gif", "pgm", "ppm", "pnm", "pbm");

    private InputFiles() {
    }

    static List<Path> expand(List<Path> arguments, boolean recursive) {
        List<Path> files = new ArrayList<>();
        for (Path argument : arguments) {
            if (Files.isDirectory(argument)) {
                try (Stream<Path> walk = recursive ? Files.walk(argument) : Files.list(argument)) {
                    walk.filter(Files::isRegularFile).filter(InputFiles::isImage).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new InputException("cannot list folder " + argument + ": " + e.getMessage(), e);
                }
            } else {
                // A missing file is kept: reading it reports "no such file" and the other inputs still run.
                files.add(argument);
            }
        }
        return files;
    }

    /** The subfolders of {@code dir} in name order (hidden ones, starting with a dot, left out). */
    static List<Path> subfolders(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InputException("no such folder: " + dir);
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            throw new InputException("cannot list folder " + dir + ": " + e.getMessage(), e);
        }
    }

    static boolean isImage(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && IMAGE_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
