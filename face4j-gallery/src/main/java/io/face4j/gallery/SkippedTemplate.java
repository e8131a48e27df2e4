package io.face4j.gallery;

/**
 * A template that was not stored because it is a near-duplicate: its cosine similarity to an already stored template
 * of the same identity and model (or to an earlier template of the same request, then {@code duplicateOf} is -1)
 * reached the gallery's near-duplicate threshold.
 *
 * @param index       position of the template in the request
 * @param duplicateOf id of the stored template it duplicates, or -1 for an earlier template of the same request
 * @param similarity  cosine similarity between the two
 */
public record SkippedTemplate(int index, long duplicateOf, double similarity) {
}
