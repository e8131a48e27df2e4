package io.face4j.gallery;

/** A gallery operation failed: the store could not be read or written, or its file is not a usable gallery. */
public class GalleryException extends RuntimeException {
    public GalleryException(String message) {
        super(message);
    }

    public GalleryException(String message, Throwable cause) {
        super(message, cause);
    }
}
