package io.face4j.video.source;

import java.util.Optional;

/**
 * A sequence of frames from a camera, file, stream or image folder. Not thread-safe: one reader at a time.
 * Closing releases the native decoder; it is safe to close twice.
 */
public interface FrameSource extends AutoCloseable {

    /** The next frame, or empty at the end of a file or folder. Throws {@link VideoSourceException} when lost. */
    Optional<VideoFrame> next();

    SourceInfo info();

    /** Frames the source skipped because the reader was slower than a live source; 0 for files. */
    default long droppedFrames() {
        return 0;
    }

    @Override
    void close();
}
