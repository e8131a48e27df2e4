package io.face4j.video.source;

import java.nio.file.Path;

/**
 * Where frames come from: a camera, a video file, a network stream or a folder of images. Immutable.
 * {@link #isLive()} sources produce frames whether or not anyone reads them, so a pipeline drops frames rather than
 * fall behind them; files and folders are read completely.
 */
public sealed interface SourceSpec permits SourceSpec.Camera, SourceSpec.File, SourceSpec.Url, SourceSpec.ImageFolder {

    /** A short human-readable name for messages. */
    String describe();

    boolean isLive();

    /** Camera number {@code index} (0 is the system's first camera). */
    static SourceSpec camera(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("camera index must be >= 0, got " + index);
        }
        return new Camera(index, null);
    }

    /** A camera by device name: {@code /dev/video2} on Linux, the avfoundation or dshow name on macOS and Windows. */
    static SourceSpec camera(String device) {
        if (device == null || device.isBlank()) {
            throw new IllegalArgumentException("camera device must not be blank");
        }
        return new Camera(-1, device);
    }

    static SourceSpec file(Path path) {
        if (path == null) {
            throw new IllegalArgumentException("path must not be null");
        }
        return new File(path);
    }

    /** rtsp://, rtmp://, http(s):// and other FFmpeg protocol URLs. */
    static SourceSpec url(String url) {
        if (url == null || !url.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.+")) {
            throw new IllegalArgumentException("url must look like scheme://..., got " + url);
        }
        return new Url(url);
    }

    static SourceSpec imageFolder(Path folder) {
        if (folder == null) {
            throw new IllegalArgumentException("folder must not be null");
        }
        return new ImageFolder(folder);
    }

    /** {@code index} >= 0 names the camera by number, otherwise {@code device} by name. */
    record Camera(int index, String device) implements SourceSpec {
        @Override
        public String describe() {
            return device != null ? "camera " + device : "camera " + index;
        }

        @Override
        public boolean isLive() {
            return true;
        }
    }

    record File(Path path) implements SourceSpec {
        @Override
        public String describe() {
            return "video file " + path;
        }

        @Override
        public boolean isLive() {
            return false;
        }
    }

    record Url(String url) implements SourceSpec {
        @Override
        public String describe() {
            return "stream " + url;
        }

        @Override
        public boolean isLive() {
            return true;
        }

        String scheme() {
            return url.substring(0, url.indexOf("://")).toLowerCase(java.util.Locale.ROOT);
        }
    }

    record ImageFolder(Path folder) implements SourceSpec {
        @Override
        public String describe() {
            return "image folder " + folder;
        }

        @Override
        public boolean isLive() {
            return false;
        }
    }
}
