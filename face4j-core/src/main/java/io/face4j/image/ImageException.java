package io.face4j.image;

/** An image could not be read or is unusable (unreadable, truncated, empty, too large). The message names the cause. */
public class ImageException extends RuntimeException {
    public ImageException(String message) {
        super(message);
    }

    public ImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
