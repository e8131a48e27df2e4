package io.face4j.gallery;

/** No identity (or template) with the given id exists; a REST layer maps it to 404 Not Found. */
public final class UnknownIdentityException extends GalleryException {
    public UnknownIdentityException(String message) {
        super(message);
    }
}
