package io.face4j.cli;

import io.face4j.video.source.BackgroundFrameSource;
import io.face4j.video.source.FrameSource;
import io.face4j.video.source.FrameSources;
import io.face4j.video.source.SourceOptions;
import io.face4j.video.source.SourceSpec;

/** Opening sources for the video commands (a source that cannot be opened is an input error: see Face4jCli). */
final class VideoCommands {
    /** 25 fps when the source does not say (PAL; FFmpeg's own fallback for unknown rates is the same). */
    static final double FALLBACK_FPS = 25;

    private VideoCommands() {
    }

    /**
     * Files and folders: every frame, decoded a few frames ahead ({@code everyFrame}), or else played at their own
     * rate. Cameras and streams: always the newest frame only.
     */
    static FrameSource open(SourceSpec spec, SourceOptions options, boolean everyFrame) {
        if (everyFrame || spec.isLive()) {
            return FrameSources.openForProcessing(spec, options);
        }
        return BackgroundFrameSource.paced(FrameSources.open(spec, options));
    }

    static double fps(FrameSource source) {
        double fps = source.info().fps();
        return Double.isFinite(fps) && fps > 0 ? fps : FALLBACK_FPS;
    }
}
