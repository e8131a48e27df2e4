package io.face4j.embed;

import io.face4j.align.FaceAligner;

/** Maps a descriptor's alignment mode to an aligner. Stateless and thread-safe. */
final class Alignments {

    private Alignments() {
    }

    static FaceAligner alignerFor(EmbedderDescriptor descriptor) {
        throw new UnsupportedOperationException("ArcFaceAligner and MarginCropAligner have not landed yet");
    }
}
