package io.face4j.gallery.calibrate;

/** The similarity of a labelled pair of faces: the same person or not. */
public record LabelledScore(double score, boolean samePerson) {
    public LabelledScore {
        if (Double.isNaN(score)) {
            throw new IllegalArgumentException("score must not be NaN");
        }
    }
}
