package io.face4j.gallery.calibrate;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.face4j.gallery.DecisionPolicy;
import io.face4j.gallery.Gallery;
import io.face4j.gallery.GalleryScores;

/**
 * Chooses the threshold that accepts a target fraction of impostors. The threshold is the (1 - FAR)-quantile of the
 * impostor scores, interpolated linearly between order statistics ({@link ScoreDistribution#quantile}); when there
 * are fewer than 10 / FAR impostor scores only a handful lie above it and the result carries a warning.
 * Thread-safe (stateless).
 */
public final class Calibrator {
    /** 1e-3: a common operating point for access control; the caller picks another for its own risk. */
    public static final double DEFAULT_FAR = 1e-3;
    /** 10 / FAR: with fewer impostor scores, fewer than 10 of them lie above the threshold. */
    public static final double MIN_IMPOSTORS_TIMES_FAR = 10;
    /** 2000 queries: for a 1,000-identity gallery that is about 2 million impostor scores, in seconds. */
    public static final int DEFAULT_MAX_QUERIES = 2000;

    private Calibrator() {
    }

    /**
     * Calibrates on the gallery's own templates: each of up to {@value #DEFAULT_MAX_QUERIES} templates (random,
     * seed 0) is scored as {@code policy} would against every identity, leaving itself out.
     */
    public static Calibration fromGallery(Gallery gallery, String modelId, DecisionPolicy policy, double far) {
        if (gallery == null) {
            throw new IllegalArgumentException("gallery must not be null");
        }
        GalleryScores scores = gallery.scores(modelId, policy, DEFAULT_MAX_QUERIES, 0L);
        return fromScores(modelId, policy, scores.genuine(), scores.impostor(), far);
    }

    /** Calibrates on labelled pairs, for example a same/different pairs file scored with the model. */
    public static Calibration fromPairs(String modelId, DecisionPolicy policy, List<LabelledScore> pairs, double far) {
        if (pairs == null) {
            throw new IllegalArgumentException("pairs must not be null");
        }
        double[] genuine = pairs.stream().filter(LabelledScore::samePerson).mapToDouble(LabelledScore::score)
                .toArray();
        double[] impostor = pairs.stream().filter(pair -> !pair.samePerson()).mapToDouble(LabelledScore::score)
                .toArray();
        return fromScores(modelId, policy, genuine, impostor, far);
    }

    /** Calibrates on raw genuine and impostor scores. */
    public static Calibration fromScores(String modelId, DecisionPolicy policy, double[] genuine, double[] impostor,
                                         double far) {
        if (modelId == null || modelId.isBlank()) {
            throw new IllegalArgumentException("modelId must not be blank");
        }
        if (policy == null) {
            throw new IllegalArgumentException("policy must not be null");
        }
        if (!(far > 0 && far < 1)) {
            throw new IllegalArgumentException("far must be in (0, 1), got " + far);
        }
        ScoreDistribution impostors = ScoreDistribution.of(impostor);
        ScoreDistribution genuines = ScoreDistribution.of(genuine);
        if (impostors.isEmpty()) {
            throw new IllegalArgumentException("impostor has no scores: calibration needs at least two identities "
                    + "(or pairs of different people)");
        }
        double threshold = impostors.quantile(1 - far);
        double needed = MIN_IMPOSTORS_TIMES_FAR / far;
        Optional<String> warning = impostors.count() < needed
                ? Optional.of(String.format(Locale.ROOT, "only %d impostor scores; a threshold for FAR %.3g needs "
                + "at least %.0f (10 / FAR) to rest on more than a few scores: enrol more identities or use "
                + "labelled pairs", impostors.count(), far, needed))
                : Optional.empty();
        double genuineAcceptRate = genuines.isEmpty() ? Double.NaN : genuines.fractionAtLeast(threshold);
        return new Calibration(modelId, policy.key(), far, threshold, impostors.fractionAtLeast(threshold),
                genuineAcceptRate, genuines, impostors, warning);
    }

    /** Stores the threshold in the gallery's settings, where {@code Matcher} finds it for the model and policy. */
    public static void store(Gallery gallery, Calibration calibration) {
        if (gallery == null) {
            throw new IllegalArgumentException("gallery must not be null");
        }
        DecisionPolicy policy = DecisionPolicy.parse(calibration.policyKey());
        gallery.putThreshold(calibration.modelId(), policy, calibration.threshold());
        gallery.putSetting("calibration/" + calibration.modelId() + "/" + policy.key(), String.format(Locale.ROOT,
                "far=%s impostors=%d genuine=%d achievedFar=%s genuineAcceptRate=%s",
                calibration.targetFar(), calibration.impostor().count(), calibration.genuine().count(),
                calibration.achievedFar(), calibration.genuineAcceptRate()));
    }
}
