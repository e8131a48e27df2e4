package io.face4j.liveness;

import java.util.List;

/** The committed default combiner and threshold; see the comment on each for how it was obtained. */
final class PassiveDefaults {
    private PassiveDefaults() {
    }

    /** Placeholder until fitted: the FaceAntiSpoofing score alone, centred on the package's 0.2. */
    static final LivenessCombiner COMBINER = new LivenessCombiner(List.of(LivenessCue.FACE_ANTI_SPOOFING),
            new double[] {0.2}, new double[] {0.05}, new double[] {-1}, 0);

    static final double THRESHOLD = 0.5;
}
