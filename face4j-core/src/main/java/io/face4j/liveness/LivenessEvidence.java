package io.face4j.liveness;

/**
 * One named measurement behind a liveness decision, e.g. {@code faceAntiSpoofing} (the shipped model's score) or
 * {@code sharpness}. {@code value} is in the measurement's own unit; {@code detail} says what it is and which way it
 * points. Immutable; thread-safe.
 */
public record LivenessEvidence(String name, double value, String detail) {
    public LivenessEvidence {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("value of '" + name + "' must not be NaN");
        }
        detail = detail == null ? "" : detail;
    }
}
