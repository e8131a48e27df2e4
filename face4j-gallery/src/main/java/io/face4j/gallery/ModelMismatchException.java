package io.face4j.gallery;

/**
 * Embeddings from different models, or of different lengths, were about to be compared or stored together. Scores
 * across models are meaningless, so the gallery refuses instead of answering "unknown" for every face. It is a
 * misuse of the API, hence an {@link IllegalArgumentException}.
 */
public final class ModelMismatchException extends IllegalArgumentException {
    public ModelMismatchException(String message) {
        super(message);
    }
}
