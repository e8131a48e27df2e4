package io.face4j.gallery;

import java.util.List;
import java.util.Objects;

/** The outcome of an enrolment: the identity as it now is, the ids of the stored templates and those skipped. */
public record Enrolment(Identity identity, List<Long> addedTemplateIds, List<SkippedTemplate> skipped) {
    public Enrolment {
        Objects.requireNonNull(identity, "identity");
        addedTemplateIds = List.copyOf(addedTemplateIds);
        skipped = List.copyOf(skipped);
    }
}
