package io.face4j.gallery;

/**
 * An identity with the same name (compared after NFC normalisation and ignoring case) already exists. A REST layer
 * maps it to 409 Conflict; the caller chooses a distinguishing name ("Anna Berg (Oslo)") or adds templates to the
 * existing identity instead.
 */
public final class DuplicateNameException extends GalleryException {
    private final String name;
    private final String existingId;

    public DuplicateNameException(String name, String existingId) {
        super("an identity named \"" + name + "\" already exists (id " + existingId
                + "); add templates to it or choose a distinguishing name");
        this.name = name;
        this.existingId = existingId;
    }

    public String name() {
        return name;
    }

    public String existingId() {
        return existingId;
    }
}
