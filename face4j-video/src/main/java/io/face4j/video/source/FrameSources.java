package io.face4j.video.source;

/** Opens the right {@link FrameSource} for a {@link SourceSpec}. */
public final class FrameSources {
    private FrameSources() {
    }

    /** Frames as fast as the reader takes them, read on the caller's thread. */
    public static FrameSource open(SourceSpec spec, SourceOptions options) {
        if (spec == null || options == null) {
            throw new IllegalArgumentException("spec and options must not be null");
        }
        if (spec instanceof SourceSpec.ImageFolder folder) {
            return ImageFolderSource.open(folder, options);
        }
        return FfmpegFrameSource.open(spec, options);
    }

    /**
     * As {@link #open}, decoded on a background thread: live sources keep only the newest frame (a slow reader drops
     * frames rather than fall behind), files and folders are read completely, a few frames ahead.
     */
    public static FrameSource openForProcessing(SourceSpec spec, SourceOptions options) {
        FrameSource source = open(spec, options);
        // 4 frames ahead: enough to smooth decoding jitter, 4 * 6 MB at 1080p at most
        return spec.isLive() ? BackgroundFrameSource.live(source) : BackgroundFrameSource.prefetch(source, 4);
    }
}
