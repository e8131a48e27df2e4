package io.face4j.detect.mtcnn;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import io.face4j.image.RgbImage;

/** Reads test photos (ImageIO with the TwelveMonkeys JPEG plugin on the classpath). */
public final class TestImages {
    private TestImages() {
    }

    public static RgbImage read(Path file) {
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                throw new IllegalArgumentException("no ImageIO reader for " + file);
            }
            return RgbImage.fromBufferedImage(image);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
