package io.face4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import io.face4j.video.source.SourceOptions;
import io.face4j.video.source.SourceSpec;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** Where the video commands read frames: --camera, --video, --url or --folder (one of them; the camera 0 by default). */
final class VideoSourceMixin {
    @ArgGroup(exclusive = true)
    Choice choice;

    static final class Choice {
        @Option(names = "--camera", paramLabel = "N|DEVICE",
                description = "camera number (0 = first) or device (/dev/video2; the avfoundation or dshow name on macOS/Windows)")
        String camera;

        @Option(names = "--video", paramLabel = "FILE", description = "a video file")
        Path video;

        @Option(names = "--url", paramLabel = "URL", description = "a network stream (rtsp://, http://, ...)")
        String url;

        @Option(names = "--folder", paramLabel = "DIR", description = "a folder of images, read in name order")
        Path folder;
    }

    @Option(names = "--size", paramLabel = "WxH", defaultValue = "640x480",
            description = "camera mode to ask for (default: ${DEFAULT-VALUE}, the recipe's); files and streams keep their size")
    String size;

    @Option(names = "--fps", paramLabel = "FPS", defaultValue = "0", description = "camera frame rate to ask for (0: the camera's)")
    double fps;

    SourceSpec spec() {
        if (choice == null || choice.camera != null) {
            String camera = choice == null ? "0" : choice.camera;
            return camera.matches("\\d+") ? SourceSpec.camera(Integer.parseInt(camera)) : SourceSpec.camera(camera);
        }
        if (choice.video != null) {
            if (!Files.isRegularFile(choice.video)) {
                throw new InputException("no such video file: " + choice.video);
            }
            return SourceSpec.file(choice.video);
        }
        if (choice.url != null) {
            try {
                return SourceSpec.url(choice.url);
            } catch (IllegalArgumentException e) {
                throw new InputException("--url " + e.getMessage());
            }
        }
        if (!Files.isDirectory(choice.folder)) {
            throw new InputException("no such folder: " + choice.folder);
        }
        return SourceSpec.imageFolder(choice.folder);
    }

    SourceOptions options(SourceSpec spec) {
        SourceOptions options = SourceOptions.defaults();
        if (spec instanceof SourceSpec.Camera) {
            String[] wh = size.toLowerCase(java.util.Locale.ROOT).split("x");
            try {
                options = options.withSize(Integer.parseInt(wh[0]), Integer.parseInt(wh[1]));
            } catch (RuntimeException e) {
                throw new InputException("--size must look like 640x480, got " + size);
            }
            if (fps < 0) {
                throw new InputException("--fps must be >= 0, got " + fps);
            }
            options = options.withFps(fps);
        }
        return options;
    }

    /** The positional INPUT of {@code track}: a URL, a folder or a file. */
    static SourceSpec parseInput(String input) {
        if (input.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.+")) {
            return SourceSpec.url(input);
        }
        Path path = Path.of(input);
        if (Files.isDirectory(path)) {
            return SourceSpec.imageFolder(path);
        }
        if (!Files.isRegularFile(path)) {
            throw new InputException("no such video file, folder or URL: " + input);
        }
        return SourceSpec.file(path);
    }
}
