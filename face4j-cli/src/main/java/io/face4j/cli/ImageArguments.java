package io.face4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

import io.face4j.image.ImageException;
import io.face4j.image.Images;
import io.face4j.image.RgbImage;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The IMAGE_OR_DIR... arguments of the per-image commands, and the loop that reports a bad file and goes on. */
final class ImageArguments {
    @Parameters(paramLabel = "IMAGE_OR_DIR", arity = "1..*",
            description = "image files, or folders whose image files are all read (jpg, png, bmp, gif, pgm, ppm)")
    List<Path> inputs;

    @Option(names = {"-r", "--recursive"}, description = "also read images in subfolders of the given folders")
    boolean recursive;

    List<Path> files() {
        return InputFiles.expand(inputs, recursive);
    }

    /** What to do with one decoded image. */
    interface ImageAction {
        void accept(Path file, RgbImage image);
    }

    /**
     * Reads each file and hands it to {@code action}. A file that cannot be read is reported on {@code err} and
     * skipped. Returns {@link ExitCodes#INPUT} if any file was skipped, else {@link ExitCodes#OK}.
     */
    int forEachImage(List<Path> files, PrintWriter err, ImageAction action) {
        int failures = 0;
        for (Path file : files) {
            RgbImage image;
            try {
                image = Images.read(file);
            } catch (ImageException e) {
                err.println("face4j: skipped " + file + ": " + e.getMessage());
                failures++;
                continue;
            }
            action.accept(file, image);
        }
        err.flush();
        return failures == 0 ? ExitCodes.OK : ExitCodes.INPUT;
    }
}
