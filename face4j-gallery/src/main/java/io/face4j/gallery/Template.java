package io.face4j.gallery;

import java.time.Instant;
import java.util.Objects;

/** A stored template: its id (unique in the file, never reused), owner, model, unit-length embedding and provenance. */
public record Template(long id, String identityId, String modelId, float[] embedding, double quality, String source,
                       Instant createdAt) {
    public Template {
        Objects.requireNonNull(identityId, "identityId");
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(embedding, "embedding");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
