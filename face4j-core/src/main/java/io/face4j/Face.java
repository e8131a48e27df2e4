package io.face4j;

import io.face4j.embed.Embedding;
import io.face4j.geometry.Box;
import io.face4j.geometry.Landmarks;
import io.face4j.image.RgbImage;
import io.face4j.quality.FaceQuality;

/**
 * One face found by a {@link FaceAnalyzer}: where it is (source-image pixels), how sure the detector is, and what was
 * computed from it. Immutable and thread-safe.
 *
 * @param box       face box in source-image pixels (may reach past the image edge)
 * @param score     detector confidence in [0, 1]
 * @param landmarks the five landmarks in source-image pixels
 * @param aligned   the crop the embedder was given, or null when not computed ({@link FaceAnalyzer#detect}, or an
 *                  analyzer without embedder)
 * @param embedding the embedding, or null when not computed (same cases)
 * @param quality   cheap image-based quality figures
 */
public record Face(Box box, double score, Landmarks landmarks, RgbImage aligned, Embedding embedding, FaceQuality quality) {

    public Face {
        if (box == null || landmarks == null || quality == null) {
            throw new IllegalArgumentException("box, landmarks and quality must not be null");
        }
    }

    public boolean hasEmbedding() {
        return embedding != null;
    }
}
