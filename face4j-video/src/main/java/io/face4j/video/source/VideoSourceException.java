package io.face4j.video.source;

/** A frame source could not be opened or was lost; the message names the source and FFmpeg's reason. */
public class VideoSourceException extends RuntimeException {
    public VideoSourceException(String message) {
        super(message);
    }

    public VideoSourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
