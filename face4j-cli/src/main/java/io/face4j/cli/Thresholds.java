package io.face4j.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.OptionalDouble;

import io.face4j.gallery.DecisionPolicy;
import io.face4j.gallery.Gallery;

/**
 * Which similarity threshold separates known from unknown faces: the one given on the command line, else the one
 * {@code face4j calibrate} stored in the gallery for the model and policy, else a documented default (announced on
 * standard error).
 */
final class Thresholds {
    /**
     * Uncalibrated defaults for the shipped MobileFaceNet, per policy: what {@code face4j calibrate --far 1e-3 --dry-run}
     * chose on a gallery enrolled from all of dev-lfw (26 people, 202 templates, 5,100 leave-one-out impostor scores),
     * rounded to 0.01: nearest 0.5341 (genuine accept rate 0.951), centroid 0.5061 (0.970), knn:3 0.1290 (0.995).
     * The LFW-protocol view of the same photos agrees: the impostor histogram of dev-lfw's 300 different-person pairs
     * (eval --report, scores.png) ends below 0.45. Pair scores are cosines like the nearest policy's, so verify
     * uses the nearest one.
     */
    static final double DEFAULT_NEAREST = 0.53;
    static final double DEFAULT_CENTROID = 0.51;
    static final double DEFAULT_KNN = 0.13;

    private Thresholds() {
    }

    static double defaultFor(DecisionPolicy policy) {
        if (policy instanceof DecisionPolicy.Centroid) {
            return DEFAULT_CENTROID;
        }
        if (policy instanceof DecisionPolicy.KnnVote) {
            return DEFAULT_KNN;
        }
        return DEFAULT_NEAREST;
    }

    /** A --threshold value must be a cosine similarity. */
    static void check(Double threshold) {
        if (threshold != null && !(threshold >= -1 && threshold <= 1)) {
            throw new UsageException("--threshold must be a similarity in [-1, 1], got " + threshold);
        }
    }

    /** {@code override} if given, else the gallery's stored threshold (gallery may be null), else the default. */
    static double resolve(Double override, Gallery gallery, String modelId, DecisionPolicy policy, PrintWriter err, boolean quiet) {
        check(override);
        if (override != null) {
            return override;
        }
        if (gallery != null) {
            OptionalDouble stored = gallery.threshold(modelId, policy);
            if (stored.isPresent()) {
                return stored.getAsDouble();
            }
        }
        double fallback = defaultFor(policy);
        if (!quiet) {
            err.printf(Locale.ROOT, "face4j: no calibrated threshold for %s/%s; using the default %.2f "
                    + "(run 'face4j calibrate' to fit one to your gallery)%n", modelId, policy.key(), fallback);
            err.flush();
        }
        return fallback;
    }
}
