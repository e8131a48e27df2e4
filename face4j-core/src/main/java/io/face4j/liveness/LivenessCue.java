package io.face4j.liveness;

import java.util.Locale;

/**
 * The single-image measurements a {@link LivenessDetector} can take of a face. Each gives one number
 * ({@link LivenessEvidence#value()}); a {@link LivenessCombiner} turns the chosen ones into a score.
 */
public enum LivenessCue {
    /** The shipped FaceAntiSpoofing model: sum |pred_i| * mask_i over its 8 leaves; lower = live (the package: live below 0.2). */
    FACE_ANTI_SPOOFING("faceAntiSpoofing", "FaceAntiSpoofing model score, lower = live (package threshold 0.2)"),
    /** log(1 + Laplacian variance) of the 256x256 face crop. */
    SHARPNESS("sharpness", "log(1 + Laplacian variance) of the face crop"),
    /** log10 share of spectral energy at 0.25..0.5 cycles/pixel (moire, halftone, lost skin texture). */
    HIGH_FREQUENCY("highFrequency", "log10 high-band (0.25-0.5 cycles/px) share of spectral energy"),
    /** log10 fraction of near-white colourless pixels (specular highlights). */
    SPECULAR("specular", "log10 fraction of specular (V>=240, S<=0.2) pixels"),
    /** Mean HSV saturation of the face crop. */
    SATURATION("saturation", "mean HSV saturation of the face crop"),
    /** Spread of the YCbCr chroma distribution. */
    CHROMA_SPREAD("chromaSpread", "sqrt(var Cb + var Cr) of the face crop"),
    /** Standard deviation of the luma. */
    CONTRAST("contrast", "luma standard deviation of the face crop"),
    /** Human's antispoof model (128x128): sigmoid output, higher = real. */
    HUMAN_ANTISPOOF("humanAntispoof", "Human antispoof model output, higher = real"),
    /** Human's liveness model (32x32): softmax output element 0. */
    HUMAN_LIVENESS("humanLiveness", "Human liveness model softmax element 0"),
    /** log(Laplacian energy / gradient energy) of the face crop: contrast-free sharpness. */
    LAPLACIAN_TO_GRADIENT("laplacianToGradient", "log(Laplacian energy / gradient energy) of the face crop"),
    /** log((1 + face Laplacian energy) / (1 + surround Laplacian energy)) at source resolution. */
    FACE_TO_SURROUND("faceToSurround", "log of face over surrounding-ring Laplacian energy, source resolution"),
    /** Entropy (bits) of the uniform LBP(8,1) histogram of the DoG-filtered 64x64 crop. */
    DOG_LBP_ENTROPY("dogLbpEntropy", "entropy of the DoG-filtered uniform LBP(8,1) histogram"),
    /** Share of non-uniform LBP(8,1) codes in the DoG-filtered 64x64 crop. */
    DOG_LBP_NON_UNIFORM("dogLbpNonUniform", "share of non-uniform DoG-filtered LBP(8,1) codes");

    private final String id;
    private final String description;

    LivenessCue(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** The name used in evidence, JSON and on the command line, e.g. {@code faceAntiSpoofing}. */
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** True when the cue runs a neural network (the others are a few passes over the crop). */
    public boolean needsModel() {
        return this == FACE_ANTI_SPOOFING || this == HUMAN_ANTISPOOF || this == HUMAN_LIVENESS;
    }

    /** The cue with this id (case-insensitive) or enum name. */
    public static LivenessCue byId(String id) {
        if (id == null) {
            throw new IllegalArgumentException("cue id must not be null");
        }
        for (LivenessCue cue : values()) {
            if (cue.id.equalsIgnoreCase(id) || cue.name().equalsIgnoreCase(id)) {
                return cue;
            }
        }
        StringBuilder known = new StringBuilder();
        for (LivenessCue cue : values()) {
            known.append(known.length() == 0 ? "" : ", ").append(cue.id);
        }
        throw new IllegalArgumentException("unknown liveness cue '" + id + "'; known cues: " + known.toString().toLowerCase(Locale.ROOT));
    }
}
