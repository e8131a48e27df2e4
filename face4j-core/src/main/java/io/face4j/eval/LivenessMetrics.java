package io.face4j.eval;

import java.util.Arrays;

/**
 * Presentation-attack detection metrics as ISO/IEC 30107-3 defines them, over liveness scores where higher means
 * "more likely live" and a sample is accepted as live when {@code score >= threshold}:
 * APCER = attacks accepted as live / attacks, BPCER = live samples rejected / live samples, ACER = (APCER + BPCER) / 2.
 * ROC figures reuse {@link VerificationMetrics} with "live" in the role of "same person" (so its FAR is the APCER and
 * 1 - TAR the BPCER). Stateless and thread-safe.
 */
public final class LivenessMetrics {

    private LivenessMetrics() {
    }

    /** Error rates at one threshold. */
    public record Rates(double threshold, double apcer, double bpcer) {
        public double acer() {
            return (apcer + bpcer) / 2;
        }
    }

    /** APCER and BPCER when accepting {@code score >= threshold} as live. */
    public static Rates at(double[] scores, boolean[] live, double threshold) {
        check(scores, live);
        long attacks = 0;
        long attacksAccepted = 0;
        long lives = 0;
        long livesRejected = 0;
        for (int i = 0; i < scores.length; i++) {
            boolean accepted = scores[i] >= threshold;
            if (live[i]) {
                lives++;
                livesRejected += accepted ? 0 : 1;
            } else {
                attacks++;
                attacksAccepted += accepted ? 1 : 0;
            }
        }
        return new Rates(threshold, (double) attacksAccepted / attacks, (double) livesRejected / lives);
    }

    /** ROC AUC: the probability that a random live sample scores above a random attack (ties count one half). */
    public static double auc(double[] scores, boolean[] live) {
        return VerificationMetrics.rocAuc(scores, live);
    }

    /** BPCER at the lowest threshold whose APCER is at most {@code apcer} (resolution 1 / number of attacks). */
    public static double bpcerAtApcer(double[] scores, boolean[] live, double apcer) {
        return 1 - VerificationMetrics.tarAtFar(scores, live, apcer);
    }

    /**
     * The threshold for a target APCER: the lowest candidate threshold with APCER <= {@code apcer}. Candidates are
     * midpoints between consecutive distinct scores (and just above the highest), so a threshold never sits on a
     * calibration score.
     */
    public static double thresholdForApcer(double[] scores, boolean[] live, double apcer) {
        if (!(apcer >= 0 && apcer <= 1)) {
            throw new IllegalArgumentException("apcer must be in [0, 1], got " + apcer);
        }
        check(scores, live);
        double[] candidates = candidates(scores);
        for (double t : candidates) {
            if (at(scores, live, t).apcer() <= apcer) {
                return t;
            }
        }
        return candidates[candidates.length - 1];
    }

    /**
     * The equal-error threshold: the candidate (as in {@link #thresholdForApcer}) where |APCER - BPCER| is smallest;
     * among those, the lowest ACER, then the lowest threshold.
     */
    public static double equalErrorThreshold(double[] scores, boolean[] live) {
        check(scores, live);
        double best = Double.NaN;
        double bestGap = Double.POSITIVE_INFINITY;
        double bestAcer = Double.POSITIVE_INFINITY;
        for (double t : candidates(scores)) {
            Rates r = at(scores, live, t);
            double gap = Math.abs(r.apcer() - r.bpcer());
            if (gap < bestGap - 1e-12 || (Math.abs(gap - bestGap) <= 1e-12 && r.acer() < bestAcer - 1e-12)) {
                best = t;
                bestGap = gap;
                bestAcer = r.acer();
            }
        }
        return best;
    }

    /** Ascending candidate thresholds: below the lowest score, the midpoints, and just above the highest. */
    private static double[] candidates(double[] scores) {
        double[] sorted = Arrays.stream(scores).sorted().distinct().toArray();
        double[] out = new double[sorted.length + 1];
        out[0] = Math.nextDown(sorted[0]);
        for (int i = 1; i < sorted.length; i++) {
            out[i] = (sorted[i - 1] + sorted[i]) / 2;
        }
        out[sorted.length] = Math.nextUp(sorted[sorted.length - 1]);
        return out;
    }

    private static void check(double[] scores, boolean[] live) {
        if (scores == null || live == null) {
            throw new IllegalArgumentException("scores and live must not be null");
        }
        if (scores.length != live.length) {
            throw new IllegalArgumentException("scores (" + scores.length + ") and live (" + live.length + ") differ in length");
        }
        boolean anyLive = false;
        boolean anyAttack = false;
        for (int i = 0; i < scores.length; i++) {
            if (Double.isNaN(scores[i])) {
                throw new IllegalArgumentException("scores must not contain NaN");
            }
            anyLive |= live[i];
            anyAttack |= !live[i];
        }
        if (!anyLive || !anyAttack) {
            throw new IllegalArgumentException("need both live samples and attacks, got " + (anyLive ? "no attacks" : "no live samples"));
        }
    }
}
