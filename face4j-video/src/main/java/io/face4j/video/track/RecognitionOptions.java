package io.face4j.video.track;

import java.util.Objects;

import io.face4j.gallery.DecisionPolicy;
import io.face4j.quality.QualityBar;

/**
 * How a track's identity is decided from its faces. Immutable; change a value with a wither.
 *
 * @param policy           the gallery decision policy
 * @param threshold        similarity threshold; NaN uses the gallery's stored one for the model and policy, or
 *                         {@link #FALLBACK_THRESHOLD} when there is none
 * @param bestSamples      how many of the track's best recent faces are fused into the query embedding
 * @param windowSeconds    only faces from this recent span are fused, so a re-check can see a changed face
 * @param minWeight        faces with a lower {@link SampleWeight} are not used for recognition
 * @param confirmDecisions consecutive equal decisions needed to give a track its first label
 * @param switchDecisions  consecutive equal decisions needed to change a label (hysteresis against flicker)
 * @param minMargin        a known name must beat the runner-up identity by this much, otherwise the decision is unknown
 * @param recheckSeconds   a labelled track is decided again this often
 * @param quality          faces below this bar are not used; a track with no usable face in the window is unknown
 *                         with reason low_quality
 */
public record RecognitionOptions(DecisionPolicy policy, double threshold, int bestSamples, double windowSeconds,
                                 double minWeight, int confirmDecisions, int switchDecisions, double minMargin,
                                 double recheckSeconds, QualityBar quality) {
    /**
     * Cosine 0.6 is the MobileFaceNet package's own threshold (squared L2 0.8 between unit vectors equals
     * 1 - 0.8/2 cosine); used only when the gallery has not been calibrated.
     */
    public static final double FALLBACK_THRESHOLD = 0.6;

    public RecognitionOptions {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(quality, "quality");
        if (Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("threshold must be finite or NaN, got " + threshold);
        }
        if (bestSamples < 1 || confirmDecisions < 1 || switchDecisions < 1) {
            throw new IllegalArgumentException("bestSamples, confirmDecisions and switchDecisions must be >= 1, got "
                    + bestSamples + ", " + confirmDecisions + ", " + switchDecisions);
        }
        if (!(windowSeconds > 0) || !(recheckSeconds > 0) || !(minWeight >= 0) || !(minMargin >= 0)) {
            throw new IllegalArgumentException("windowSeconds and recheckSeconds must be > 0, minWeight and minMargin >= 0, got "
                    + windowSeconds + ", " + recheckSeconds + ", " + minWeight + ", " + minMargin);
        }
    }

    /**
     * Nearest template, stored threshold, the 5 best faces of the last 3 s, weight >= 0.05, 2 decisions to label,
     * 3 to switch, margin 0.05 (two enrolled people closer than that are a coin toss), re-check every 1 s, the
     * recognition quality bar ({@link QualityBar#recognition()}).
     */
    public static RecognitionOptions defaults() {
        return new RecognitionOptions(DecisionPolicy.nearestTemplate(), Double.NaN, 5, 3, 0.05, 2, 3, 0.05, 1.0,
                QualityBar.recognition());
    }

    public RecognitionOptions withQuality(QualityBar value) {
        return new RecognitionOptions(policy, threshold, bestSamples, windowSeconds, minWeight, confirmDecisions,
                switchDecisions, minMargin, recheckSeconds, value);
    }

    public RecognitionOptions withPolicy(DecisionPolicy value) {
        return new RecognitionOptions(value, threshold, bestSamples, windowSeconds, minWeight, confirmDecisions,
                switchDecisions, minMargin, recheckSeconds, quality);
    }

    public RecognitionOptions withThreshold(double value) {
        return new RecognitionOptions(policy, value, bestSamples, windowSeconds, minWeight, confirmDecisions,
                switchDecisions, minMargin, recheckSeconds, quality);
    }

    public RecognitionOptions withDecisions(int confirm, int toSwitch) {
        return new RecognitionOptions(policy, threshold, bestSamples, windowSeconds, minWeight, confirm, toSwitch,
                minMargin, recheckSeconds, quality);
    }

    public RecognitionOptions withRecheckSeconds(double value) {
        return new RecognitionOptions(policy, threshold, bestSamples, windowSeconds, minWeight, confirmDecisions,
                switchDecisions, minMargin, value, quality);
    }
}
