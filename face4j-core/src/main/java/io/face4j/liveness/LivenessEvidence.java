package io.face4j.liveness;

/**
 * One named measurement behind a liveness decision, e.g. "planarResidual" with its value and a short human detail.
 * Immutable; thread-safe.
 *
 * @param name   what was measured
 * @param value  the measurement (its unit is in {@code detail} or the producer's documentation)
 * @param detail a short explanation for people, may be empty
 */
public record LivenessEvidence(String name, double value, String detail) {
    public LivenessEvidence {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        detail = detail == null ? "" : detail;
    }
}
