package io.face4j.liveness;

import java.util.List;

/**
 * The committed default combiner and threshold of {@link LivenessOptions#defaults()}.
 *
 * <p>Obtained with {@code ./face4j eval-liveness ../shared/datasets/antispoof-nuaa-subset --fit} on the NUAA train
 * split only (the images of client_train_raw.txt / imposter_train_raw.txt present in the subset: 143 live, 67 printed-
 * photo attacks, sessions 01 and 02; every one had an MTCNN face). Cue selection: forward selection by 2-fold
 * cross-validation with one capture session held out (the official split is by session: test is session 03), keeping a
 * cue only when it raises the out-of-fold ROC AUC by at least 0.005. Sharpness alone reached 0.969, with the
 * FaceAntiSpoofing score 0.985; no third cue added 0.005 (best: humanLiveness, 0.986). The weights are then
 * fitted on the whole train split (logistic regression, L2 1.0 on standardised cues). Re-run that command to re-fit.
 */
final class PassiveDefaults {
    private PassiveDefaults() {
    }

    /** Sharpness (higher = live) and the FaceAntiSpoofing score (lower = live), standardised with the train means and SDs. */
    static final LivenessCombiner COMBINER = new LivenessCombiner(List.of(LivenessCue.SHARPNESS, LivenessCue.FACE_ANTI_SPOOFING),
            new double[] {4.10478, 0.801538},
            new double[] {1.02595, 0.325964},
            new double[] {3.28257, -2.08634},
            2.22157);

    /**
     * 0.5687: the equal-error point (APCER = BPCER) of {@link #COMBINER} on the same train split, as eval-liveness
     * calibrates it by default. Measured on the NUAA test split (session 03) it gives APCER 0.322, BPCER 0.000: the
     * test session's attacks are sharper than the train sessions', so a deployment should calibrate on its own
     * camera's images ({@code eval-liveness --calibrate-on DIR --target-apcer RATE}).
     */
    static final double THRESHOLD = 0.5687;
}
