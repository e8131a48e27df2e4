package io.face4j.video.source;

import java.time.Duration;
import java.util.Objects;

/**
 * How a frame source is opened. Immutable; change a value with a wither.
 *
 * @param width             requested frame width in pixels, 0 for the source's own; cameras are asked for this mode,
 *                          files and streams are scaled to it
 * @param height            requested frame height, 0 for the source's own (set both or neither)
 * @param fps               requested camera frame rate, 0 for the camera's default; for image folders the rate that
 *                          gives the frames their timestamps
 * @param timeout           longest wait for a network read or connection before the source counts as lost
 * @param reconnectAttempts how many times a dropped live stream is reopened before the source fails
 * @param reconnectBackoff  wait before the first reopen, doubled on each further attempt
 */
public record SourceOptions(int width, int height, double fps, Duration timeout, int reconnectAttempts,
                            Duration reconnectBackoff) {
    /** 25 fps: the PAL rate, used for an image folder's timestamps when no rate is given. */
    public static final double DEFAULT_FOLDER_FPS = 25;

    public SourceOptions {
        if (width < 0 || height < 0 || (width == 0) != (height == 0)) {
            throw new IllegalArgumentException("width and height must both be 0 or both > 0, got " + width + "x" + height);
        }
        if (!(fps >= 0) || Double.isInfinite(fps)) {
            throw new IllegalArgumentException("fps must be finite and >= 0, got " + fps);
        }
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(reconnectBackoff, "reconnectBackoff");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be > 0, got " + timeout);
        }
        if (reconnectAttempts < 0) {
            throw new IllegalArgumentException("reconnectAttempts must be >= 0, got " + reconnectAttempts);
        }
    }

    /**
     * The source's own size and rate, a 10 s network timeout (FFmpeg waits forever by default), 3 reconnects starting
     * 0.5 s apart (0.5 + 1 + 2 s: long enough for a camera or RTSP server restart, short enough to fail visibly).
     */
    public static SourceOptions defaults() {
        return new SourceOptions(0, 0, 0, Duration.ofSeconds(10), 3, Duration.ofMillis(500));
    }

    public SourceOptions withSize(int w, int h) {
        return new SourceOptions(w, h, fps, timeout, reconnectAttempts, reconnectBackoff);
    }

    public SourceOptions withFps(double value) {
        return new SourceOptions(width, height, value, timeout, reconnectAttempts, reconnectBackoff);
    }

    public SourceOptions withTimeout(Duration value) {
        return new SourceOptions(width, height, fps, value, reconnectAttempts, reconnectBackoff);
    }

    public SourceOptions withReconnect(int attempts, Duration backoff) {
        return new SourceOptions(width, height, fps, timeout, attempts, backoff);
    }
}
