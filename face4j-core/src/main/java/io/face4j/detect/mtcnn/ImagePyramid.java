package io.face4j.detect.mtcnn;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.face4j.image.RgbImage;
import io.face4j.image.SummedAreaTable;

/**
 * The scales at which PNet's 12-pixel window looks at the image: the first maps {@code minFaceSize} source pixels to
 * 12, each next one is {@code factor} times the previous, down to the scale where the shorter side is 12 pixels.
 * Levels are written on demand (area interpolation, as facenet-pytorch's {@code imresample}), not kept, from a
 * summed-area table of the image built once; RNet and ONet cut their crops from the same table.
 * Immutable; thread-safe.
 */
public final class ImagePyramid {
    /** PNet's input window in pixels (MTCNN paper, P-Net 12x12). */
    static final int WINDOW = 12;

    /** One scale: source pixels times {@code scale} give level pixels. */
    public record Level(double scale, int scaledWidth, int scaledHeight) {
    }

    private final RgbImage image;
    private final SummedAreaTable table;
    private final List<Level> levels;

    private ImagePyramid(RgbImage image, SummedAreaTable table, List<Level> levels) {
        this.image = image;
        this.table = table;
        this.levels = List.copyOf(levels);
    }

    public static ImagePyramid of(RgbImage image, int minFaceSize, double factor) {
        Objects.requireNonNull(image, "image");
        if (minFaceSize <= 0) {
            throw new IllegalArgumentException("minFaceSize must be > 0, got " + minFaceSize);
        }
        if (!(factor > 0 && factor < 1)) {
            throw new IllegalArgumentException("factor must be in (0, 1), got " + factor);
        }
        List<Level> levels = new ArrayList<>();
        double scale = WINDOW / (double) minFaceSize;
        double scaledShortSide = Math.min(image.width(), image.height()) * scale;
        while (scaledShortSide >= WINDOW) {
            // int(side * scale + 1), as detect_face.py sizes each level
            levels.add(new Level(scale, (int) (image.width() * scale + 1), (int) (image.height() * scale + 1)));
            scale *= factor;
            scaledShortSide *= factor;
        }
        return new ImagePyramid(image, SummedAreaTable.of(image), levels);
    }

    public RgbImage image() {
        return image;
    }

    /** The image's summed-area table, for area-resized crops of candidate boxes. */
    SummedAreaTable table() {
        return table;
    }

    /** Largest scale first; empty when the image is smaller than the minimum face. */
    public List<Level> levels() {
        return levels;
    }

    /**
     * Writes a level as PNet input into {@code dst}: area-resized, (value - 127.5) / 128, transposed
     * (scaledWidth x scaledHeight x 3), as the MTCNN models were trained on column-major (MATLAB) images.
     */
    void writeLevel(Level level, float[] dst) {
        table.writeAreaResizedNhwc(level.scaledWidth(), level.scaledHeight(), dst, 0,
                MtcnnDetector.PIXEL_MEAN, MtcnnDetector.PIXEL_SCALE, true);
    }
}
