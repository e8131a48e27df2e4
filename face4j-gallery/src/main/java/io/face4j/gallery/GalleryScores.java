package io.face4j.gallery;

import java.util.Objects;

/**
 * Leave-one-out scores of a gallery's own templates under one policy: genuine (a template against its own identity)
 * and impostor (against every other identity). The arrays are owned by this record; do not modify them.
 */
public record GalleryScores(String modelId, DecisionPolicy policy, double[] genuine, double[] impostor) {
    public GalleryScores {
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(genuine, "genuine");
        Objects.requireNonNull(impostor, "impostor");
    }
}
