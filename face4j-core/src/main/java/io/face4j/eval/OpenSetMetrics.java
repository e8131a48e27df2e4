package io.face4j.eval;

import java.util.Arrays;

/**
 * Open-set identification metrics (as in NIST FRVT 1:N and ISO/IEC 19795-1). Each probe is searched against a gallery
 * and gives its best candidate's score; a mated probe (the person is enrolled) also says whether that best candidate
 * is the right person. Stateless and thread-safe.
 * <ul>
 *   <li>rank-1 accuracy: fraction of mated probes whose best candidate is right, whatever the score (closed set).</li>
 *   <li>FPIR(t): fraction of non-mated probes (person not enrolled) whose best score is at or above {@code t}.</li>
 *   <li>DIR(t): fraction of mated probes whose best candidate is right and scores at or above {@code t}.</li>
 * </ul>
 * DIR at a target FPIR uses the lowest threshold whose FPIR is at most the target; with {@code n} non-mated probes
 * the FPIR resolution is {@code 1/n}, so a target below it allows no false positive at all.
 */
public final class OpenSetMetrics {
    private OpenSetMetrics() {
    }

    /**
     * @param fpir      the target false-positive identification rate
     * @param threshold the threshold that meets it (accept when best score &gt;= threshold)
     * @param achieved  the FPIR actually reached at that threshold
     * @param dir       the detection-and-identification rate there
     */
    public record Point(double fpir, double threshold, double achieved, double dir) {
    }

    /** Rank-1 accuracy; see the class comment. {@code correct[i]} is true when mated probe i's best candidate is right. */
    public static double rank1(boolean[] correct) {
        if (correct == null || correct.length == 0) {
            throw new IllegalArgumentException("correct must hold at least one mated probe");
        }
        int n = 0;
        for (boolean c : correct) {
            n += c ? 1 : 0;
        }
        return (double) n / correct.length;
    }

    /** The lowest threshold at which at most {@code fpir} of the non-mated best scores are accepted. */
    public static double thresholdAtFpir(double[] nonMatedScores, double fpir) {
        if (nonMatedScores == null || nonMatedScores.length == 0) {
            throw new IllegalArgumentException("nonMatedScores must hold at least one score");
        }
        if (!(fpir >= 0 && fpir <= 1)) {
            throw new IllegalArgumentException("fpir must be in [0, 1], got " + fpir);
        }
        double[] descending = Arrays.stream(nonMatedScores).map(s -> -s).sorted().map(s -> -s).toArray();
        int allowed = (int) Math.floor(fpir * descending.length + 1e-9);
        if (allowed >= descending.length) {
            return Double.NEGATIVE_INFINITY;
        }
        // Just above the first score that may not be accepted (tied scores above it are rejected with it).
        return Math.nextUp(descending[allowed]);
    }

    /** DIR at the threshold meeting {@code fpir}; mated probes with no face pass score -infinity and correct false. */
    public static Point dirAtFpir(double[] matedScores, boolean[] matedCorrect, double[] nonMatedScores, double fpir) {
        if (matedScores == null || matedCorrect == null || matedScores.length != matedCorrect.length || matedScores.length == 0) {
            throw new IllegalArgumentException("matedScores and matedCorrect must be non-empty and of equal length");
        }
        double threshold = thresholdAtFpir(nonMatedScores, fpir);
        int identified = 0;
        for (int i = 0; i < matedScores.length; i++) {
            if (matedCorrect[i] && matedScores[i] >= threshold) {
                identified++;
            }
        }
        int falsePositives = 0;
        for (double s : nonMatedScores) {
            if (s >= threshold) {
                falsePositives++;
            }
        }
        return new Point(fpir, threshold, (double) falsePositives / nonMatedScores.length, (double) identified / matedScores.length);
    }
}
