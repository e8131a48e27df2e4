package io.face4j.liveness;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.face4j.onnx.OnnxOptions;

/**
 * Settings of a {@link LivenessDetector}. {@code threshold}: a face is live when its score (in [0, 1]) is at least this.
 * {@code combiner}: how cue values become the score (its cues are always measured). {@code extraCues}: cues measured
 * and reported as evidence without entering the score. {@code onnx}: session settings of the models. Immutable; change
 * with the withers.
 */
public record LivenessOptions(double threshold, LivenessCombiner combiner, Set<LivenessCue> extraCues, OnnxOptions onnx) {

    public LivenessOptions {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in [0, 1], got " + threshold);
        }
        if (combiner == null) {
            throw new IllegalArgumentException("combiner must not be null");
        }
        if (onnx == null) {
            throw new IllegalArgumentException("onnx must not be null");
        }
        extraCues = extraCues == null || extraCues.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(extraCues));
    }

    /** The committed combiner and threshold ({@link PassiveDefaults}), no extra cues, default ONNX settings. */
    public static LivenessOptions defaults() {
        return new LivenessOptions(PassiveDefaults.THRESHOLD, PassiveDefaults.COMBINER, Set.of(), OnnxOptions.defaults());
    }

    public LivenessOptions withThreshold(double value) {
        return new LivenessOptions(value, combiner, extraCues, onnx);
    }

    public LivenessOptions withCombiner(LivenessCombiner value) {
        return new LivenessOptions(threshold, value, extraCues, onnx);
    }

    /** Also measure these cues and report them as evidence (e.g. every cue, for evaluation). */
    public LivenessOptions withExtraCues(Set<LivenessCue> value) {
        return new LivenessOptions(threshold, combiner, value, onnx);
    }

    public LivenessOptions withOnnx(OnnxOptions value) {
        return new LivenessOptions(threshold, combiner, extraCues, value);
    }

    /** Every cue the detector measures: the combiner's, in its order, then the extra ones in enum order. */
    public List<LivenessCue> measuredCues() {
        Set<LivenessCue> all = new LinkedHashSet<>(combiner.cues());
        for (LivenessCue cue : LivenessCue.values()) {
            if (extraCues.contains(cue)) {
                all.add(cue);
            }
        }
        return List.copyOf(all);
    }
}
