package io.face4j.gallery;

/** Validation of embedding model ids. Thread-safe (stateless). */
final class ModelIds {
    // 100: model ids are short tags such as "mobilefacenet-192"; the bound only stops accidental garbage.
    private static final int MAX_LENGTH = 100;

    private ModelIds() {
    }

    static String check(String modelId) {
        if (modelId == null || modelId.isBlank()) {
            throw new IllegalArgumentException("modelId must be a non-blank model tag such as \"mobilefacenet-192\"");
        }
        if (modelId.length() > MAX_LENGTH || !modelId.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("modelId must be at most " + MAX_LENGTH
                    + " printable ASCII characters without spaces, got \"" + modelId + "\"");
        }
        return modelId;
    }
}
