package io.face4j.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.OptionalDouble;

import io.face4j.gallery.DecisionPolicy;
import io.face4j.gallery.Gallery;
import io.face4j.gallery.RecognitionDefaults;

/**
 * Which similarity threshold separates known from unknown faces: the one given on the command line, else the one
 * {@code face4j calibrate} stored in the gallery for the model and policy, else a documented default (announced on
 * standard error; the defaults and their measurements are in {@link RecognitionDefaults}).
 */
final class Thresholds {
    private Thresholds() {
    }

    static double defaultFor(DecisionPolicy policy) {
        return RecognitionDefaults.threshold(policy);
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
