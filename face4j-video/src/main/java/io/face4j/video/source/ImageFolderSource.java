package io.face4j.video.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import io.face4j.image.ImageException;
import io.face4j.image.Images;
import io.face4j.image.RgbImage;

/**
 * The images of a folder in name order as frames (an image sequence such as frame-0001.png ...), read with face4j's
 * own reader: no FFmpeg involved. Timestamps follow {@link SourceOptions#fps()} (25 when 0). Not thread-safe.
 */
public final class ImageFolderSource implements FrameSource {
    private static final List<String> EXTENSIONS = List.of(".jpg", ".jpeg", ".png", ".bmp", ".ppm", ".pgm", ".gif");

    private final SourceSpec spec;
    private final List<Path> files;
    private final SourceOptions options;
    private final double fps;
    private final SourceInfo info;
    private int next;

    private ImageFolderSource(SourceSpec spec, List<Path> files, SourceOptions options, RgbImage first) {
        this.spec = spec;
        this.files = files;
        this.options = options;
        this.fps = options.fps() > 0 ? options.fps() : SourceOptions.DEFAULT_FOLDER_FPS;
        int w = options.width() > 0 ? options.width() : first.width();
        int h = options.height() > 0 ? options.height() : first.height();
        this.info = new SourceInfo(w, h, fps, files.size(), false);
    }

    public static ImageFolderSource open(SourceSpec.ImageFolder spec, SourceOptions options) {
        if (!Files.isDirectory(spec.folder())) {
            throw new VideoSourceException("cannot open " + spec.describe() + ": not a folder");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(spec.folder())) {
            files = list.filter(Files::isRegularFile).filter(ImageFolderSource::isImage).sorted().toList();
        } catch (IOException e) {
            throw new VideoSourceException("cannot open " + spec.describe() + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new VideoSourceException("cannot open " + spec.describe() + ": no images (" + String.join(", ", EXTENSIONS) + ")");
        }
        return new ImageFolderSource(spec, files, options, read(spec, files.get(0)));
    }

    private static boolean isImage(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    @Override
    public Optional<VideoFrame> next() {
        if (next >= files.size()) {
            return Optional.empty();
        }
        int index = next++;
        RgbImage image = read(spec, files.get(index));
        if (options.width() > 0 && (image.width() != options.width() || image.height() != options.height())) {
            image = image.resizeBilinear(options.width(), options.height());
        }
        return Optional.of(new VideoFrame(image, index, Math.round(index * 1e6 / fps)));
    }

    private static RgbImage read(SourceSpec spec, Path file) {
        try {
            return Images.read(file);
        } catch (ImageException e) {
            throw new VideoSourceException("cannot read " + spec.describe() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public SourceInfo info() {
        return info;
    }

    @Override
    public void close() {
        next = files.size();
    }
}
