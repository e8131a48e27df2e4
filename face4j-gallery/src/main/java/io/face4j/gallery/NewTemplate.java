package io.face4j.gallery;

import java.util.Objects;

/**
 * A template to enrol: an embedding, the id of the model that computed it (e.g. {@code "mobilefacenet-192"}), a quality
 * score from the caller's quality assessment and where it came from (a file path, a video frame, free text).
 * The embedding is copied and L2-normalised when stored; the caller's array is never modified.
 */
public record NewTemplate(float[] embedding, String modelId, double quality, String source) {
    public NewTemplate {
        Objects.requireNonNull(embedding, "embedding");
        ModelIds.check(modelId);
        if (!Double.isFinite(quality)) {
            throw new IllegalArgumentException("quality must be finite, got " + quality);
        }
        source = source == null ? "" : source;
    }

    /** A template with quality 1 and no source. */
    public static NewTemplate of(float[] embedding, String modelId) {
        return new NewTemplate(embedding, modelId, 1.0, "");
    }
}
