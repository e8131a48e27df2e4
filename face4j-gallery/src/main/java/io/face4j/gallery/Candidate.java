package io.face4j.gallery;

import java.util.Objects;

/** An identity and its score for one query under one policy. */
public record Candidate(String identityId, String name, double similarity) {
    public Candidate {
        Objects.requireNonNull(identityId, "identityId");
        Objects.requireNonNull(name, "name");
    }
}
