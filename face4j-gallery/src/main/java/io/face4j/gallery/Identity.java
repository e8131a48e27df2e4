package io.face4j.gallery;

import java.time.Instant;
import java.util.Objects;

/**
 * A person in the gallery: a stable id (never changes, survives renames and export/import), a display name (NFC,
 * unique ignoring case) and how many templates it holds across all models.
 */
public record Identity(String id, String name, Instant createdAt, int templateCount) {
    public Identity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
        if (templateCount < 0) {
            throw new IllegalArgumentException("templateCount must be >= 0, got " + templateCount);
        }
    }
}
