package io.face4j.video.track;

import io.face4j.Face;
import io.face4j.embed.Embedding;
import io.face4j.geometry.Box;
import io.face4j.geometry.Landmarks;

/**
 * One face seen in one frame, as the tracker takes it.
 *
 * @param box       source-image pixels
 * @param score     detector confidence
 * @param embedding the face's embedding, or null (detection only)
 * @param weight    how much this sample should count for recognition, in [0, 1] ({@link SampleWeight})
 * @param face      the full analysis result, or null
 * @param landmarks the five landmarks in source-image pixels, or null (for temporal liveness)
 */
public record Observation(Box box, double score, Embedding embedding, double weight, Face face, Landmarks landmarks) {
    public Observation {
        if (box == null) {
            throw new IllegalArgumentException("box must not be null");
        }
        if (!(weight >= 0 && weight <= 1)) {
            throw new IllegalArgumentException("weight must be in [0, 1], got " + weight);
        }
    }

    /** Without separate landmarks: the face's, if there is a face. */
    public Observation(Box box, double score, Embedding embedding, double weight, Face face) {
        this(box, score, embedding, weight, face, face == null ? null : face.landmarks());
    }

    public static Observation of(Face face, double weight) {
        return new Observation(face.box(), face.score(), face.embedding(), weight, face, face.landmarks());
    }
}
