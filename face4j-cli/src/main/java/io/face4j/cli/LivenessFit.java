package io.face4j.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.face4j.eval.LivenessMetrics;
import io.face4j.liveness.LivenessCombiner;
import io.face4j.liveness.LivenessCue;

/**
 * Fits a {@link LivenessCombiner} on a calibration set and picks its cues by cross-validation on that set only:
 * grouped k-fold by capture session (NUAA's official split is by session, so holding a session out imitates the
 * train-to-test shift; near-duplicate consecutive frames never straddle folds), or by subject when the layout has no
 * sessions; out-of-fold scores pooled, ROC AUC compared. Greedy forward selection adds the cue that raises the cross-validated AUC most and
 * stops when no cue adds at least {@link #MIN_GAIN}. Images without a face are left out of the fit.
 */
final class LivenessFit {
    /** 0.005: smallest cross-validated AUC gain that earns a cue its place (about one attack/live pair order in 200). */
    static final double MIN_GAIN = 0.005;
    /** 5 folds, or one per group (session or subject) when there are fewer. */
    static final int FOLDS = 5;

    private final List<double[]> rows = new ArrayList<>();
    private final List<Boolean> labels = new ArrayList<>();
    private final List<Integer> folds = new ArrayList<>();
    private final int foldCount;

    LivenessFit(LivenessSamples samples) {
        Map<String, Integer> subjectFold = new TreeMap<>();
        for (LivenessSamples.Measured m : samples.measured) {
            subjectFold.putIfAbsent(m.sample().session(), 0);
        }
        int k = Math.min(FOLDS, subjectFold.size());
        if (k < 2) {
            throw new InputException("--fit needs calibration images of at least 2 sessions or subjects, got " + subjectFold.size());
        }
        int i = 0;
        for (Map.Entry<String, Integer> e : subjectFold.entrySet()) {
            e.setValue(i++ % k);
        }
        this.foldCount = k;
        LivenessCue[] all = LivenessCue.values();
        for (LivenessSamples.Measured m : samples.measured) {
            if (!m.hasFace()) {
                continue;
            }
            double[] row = new double[all.length];
            for (int j = 0; j < all.length; j++) {
                row[j] = m.values().get(all[j]);
            }
            rows.add(row);
            labels.add(m.sample().live());
            folds.add(subjectFold.get(m.sample().session()));
        }
    }

    /** Out-of-fold pooled AUC of a combiner over {@code cues}. */
    double crossValidatedAuc(List<LivenessCue> cues) {
        double[] scores = new double[rows.size()];
        for (int fold = 0; fold < foldCount; fold++) {
            List<double[]> trainX = new ArrayList<>();
            List<Boolean> trainY = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                if (folds.get(i) != fold) {
                    trainX.add(select(rows.get(i), cues));
                    trainY.add(labels.get(i));
                }
            }
            if (trainY.stream().allMatch(b -> b) || trainY.stream().noneMatch(b -> b)) {
                throw new InputException("cross-validation fold " + fold + " leaves a training set without live or attack images");
            }
            LivenessCombiner combiner = LivenessCombiner.fit(cues, trainX.toArray(double[][]::new), toArray(trainY), LivenessCombiner.DEFAULT_L2);
            for (int i = 0; i < rows.size(); i++) {
                if (folds.get(i) == fold) {
                    scores[i] = combiner.score(select(rows.get(i), cues));
                }
            }
        }
        return LivenessMetrics.auc(scores, toArray(labels));
    }

    /** Forward selection (or the given cues), printing the cross-validated AUC of each step; returns the combiner fitted on everything. */
    LivenessCombiner fit(List<LivenessCue> forced, PrintWriter out) {
        List<LivenessCue> chosen = new ArrayList<>();
        if (forced != null && !forced.isEmpty()) {
            chosen.addAll(forced);
            out.printf(Locale.ROOT, "fit: cues %s given; %d-fold session-grouped CV AUC on the calibration set %.4f%n",
                    ids(chosen), foldCount, crossValidatedAuc(chosen));
        } else {
            out.printf(Locale.ROOT, "fit: forward selection by %d-fold session-grouped CV AUC on the calibration set (%d images with a face)%n",
                    foldCount, rows.size());
            for (LivenessCue cue : LivenessCue.values()) {
                out.printf(Locale.ROOT, "  alone %-18s cv auc %.4f%n", cue.id(), crossValidatedAuc(List.of(cue)));
            }
            double best = 0.5;
            while (chosen.size() < LivenessCue.values().length) {
                LivenessCue bestCue = null;
                double bestAuc = best;
                for (LivenessCue cue : LivenessCue.values()) {
                    if (chosen.contains(cue)) {
                        continue;
                    }
                    List<LivenessCue> trial = new ArrayList<>(chosen);
                    trial.add(cue);
                    double auc = crossValidatedAuc(trial);
                    if (auc > bestAuc) {
                        bestAuc = auc;
                        bestCue = cue;
                    }
                }
                if (bestCue == null || bestAuc - best < MIN_GAIN) {
                    out.printf(Locale.ROOT, "  stop: no cue adds %.3f or more (best candidate %s)%n", MIN_GAIN,
                            bestCue == null ? "none" : bestCue.id() + String.format(Locale.ROOT, " -> %.4f", bestAuc));
                    break;
                }
                chosen.add(bestCue);
                best = bestAuc;
                out.printf(Locale.ROOT, "  + %-18s cv auc %.4f%n", bestCue.id(), bestAuc);
            }
        }
        List<double[]> x = new ArrayList<>();
        for (double[] row : rows) {
            x.add(select(row, chosen));
        }
        return LivenessCombiner.fit(chosen, x.toArray(double[][]::new), toArray(labels), LivenessCombiner.DEFAULT_L2);
    }

    private static String ids(List<LivenessCue> cues) {
        return String.join(",", cues.stream().map(LivenessCue::id).toList());
    }

    private static double[] select(double[] row, List<LivenessCue> cues) {
        double[] out = new double[cues.size()];
        for (int j = 0; j < out.length; j++) {
            out[j] = row[cues.get(j).ordinal()];
        }
        return out;
    }

    private static boolean[] toArray(List<Boolean> values) {
        boolean[] out = new boolean[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }
}
