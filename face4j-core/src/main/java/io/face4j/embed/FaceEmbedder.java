package io.face4j.embed;

import java.util.List;

import io.face4j.align.FaceAligner;
import io.face4j.image.RgbImage;

/**
 * Turns aligned face crops into {@link Embedding}s. {@link #embed(RgbImage)} is a batch of one, so there is a single
 * code path. Implementations are thread-safe.
 */
public interface FaceEmbedder extends AutoCloseable {

    /** Embeds one face aligned by {@link #aligner()}. */
    default Embedding embed(RgbImage alignedFace) {
        return embed(List.of(alignedFace)).get(0);
    }

    /** Embeds faces aligned by {@link #aligner()}, in order; an empty list gives an empty list. */
    List<Embedding> embed(List<RgbImage> alignedFaces);

    /** The aligner that produces this model's input crops from a detection. */
    FaceAligner aligner();

    /** Id stamped on every embedding this embedder produces. */
    String modelId();

    /** Length of the embeddings. */
    int dimension();

    /** Releases the model if this embedder opened it. */
    @Override
    void close();
}
