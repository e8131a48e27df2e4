package io.face4j.embed;

import io.face4j.align.ArcFaceAligner;
import io.face4j.align.FaceAligner;
import io.face4j.align.MarginCropAligner;

/** Maps a descriptor's alignment mode to an aligner producing crops of its input size. Stateless and thread-safe. */
final class Alignments {

    private Alignments() {
    }

    static FaceAligner alignerFor(EmbedderDescriptor descriptor) {
        return switch (descriptor.alignment()) {
            case ARCFACE -> new ArcFaceAligner(descriptor.inputSize());
            case MARGIN_CROP -> new MarginCropAligner(descriptor.inputSize(), descriptor.margin());
        };
    }
}
