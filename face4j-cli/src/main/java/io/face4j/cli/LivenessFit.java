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
    /** 0.005: smallest cross-validated gain (AUC, or ACER) that earns a cue its place (about one attack/live pair order in 200). */
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

    /** What forward selection maximises: the pooled out-of-fold ROC AUC, or minus the mean held-out-fold ACER. */
    enum Criterion {
        /** Pooled out-of-fold ROC AUC: ranking only, blind to where the threshold lands. */
        AUC,
        /**
         * Mean over folds of the held-out fold's ACER at the equal-error threshold of the combiner's scores on the other
         * folds: with folds = capture sessions this measures what a session shift does to a threshold fitted elsewhere.
         */
        ACER
    }

    /**
     * {pooled out-of-fold AUC, mean held-out-fold ACER} of a combiner over {@code cues}; the ACER of a held-out fold is
     * taken at the equal-error threshold of the combiner's scores on the folds it was fitted on.
     */
    private double[] crossValidate(List<LivenessCue> cues) {
        double acerSum = 0;
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
            double[][] x = trainX.toArray(double[][]::new);
            LivenessCombiner combiner = LivenessCombiner.fit(cues, x, toArray(trainY), LivenessCombiner.DEFAULT_L2);
            double[] trainScores = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                trainScores[i] = combiner.score(x[i]);
            }
            double threshold = LivenessMetrics.equalErrorThreshold(trainScores, toArray(trainY));
            List<Double> heldScores = new ArrayList<>();
            List<Boolean> heldLabels = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                if (folds.get(i) == fold) {
                    scores[i] = combiner.score(select(rows.get(i), cues));
                    heldScores.add(scores[i]);
                    heldLabels.add(labels.get(i));
                }
            }
            acerSum += LivenessMetrics.at(heldScores.stream().mapToDouble(Double::doubleValue).toArray(), toArray(heldLabels), threshold).acer();
        }
        return new double[] {LivenessMetrics.auc(scores, toArray(labels)), acerSum / foldCount};
    }

    /** The criterion as a number to maximise. */
    private double merit(List<LivenessCue> cues, Criterion criterion) {
        double[] cv = crossValidate(cues);
        return criterion == Criterion.AUC ? cv[0] : -cv[1];
    }

    /** Forward selection (or the given cues), printing the cross-validated AUC of each step; returns the combiner fitted on everything. */
    LivenessCombiner fit(List<LivenessCue> forced, PrintWriter out) {
        return fit(forced, Criterion.AUC, out);
    }

    /** As {@link #fit(List, PrintWriter)}, selecting by {@code criterion}. */
    LivenessCombiner fit(List<LivenessCue> forced, Criterion criterion, PrintWriter out) {
        List<LivenessCue> chosen = new ArrayList<>();
        if (forced != null && !forced.isEmpty()) {
            chosen.addAll(forced);
            double[] cv = crossValidate(chosen);
            out.printf(Locale.ROOT, "fit: cues %s given; %d-fold session-grouped CV on the calibration set: auc %.4f, held-out acer %.4f%n",
                    ids(chosen), foldCount, cv[0], cv[1]);
        } else {
            out.printf(Locale.ROOT, "fit: forward selection by %d-fold session-grouped CV %s on the calibration set (%d images with a face)%n",
                    foldCount, criterion == Criterion.AUC ? "AUC" : "held-out ACER", rows.size());
            for (LivenessCue cue : LivenessCue.values()) {
                double[] cv = crossValidate(List.of(cue));
                out.printf(Locale.ROOT, "  alone %-20s cv auc %.4f, held-out acer %.4f%n", cue.id(), cv[0], cv[1]);
            }
            double best = criterion == Criterion.AUC ? 0.5 : -0.5;
            while (chosen.size() < LivenessCue.values().length) {
                LivenessCue bestCue = null;
                double bestMerit = best;
                for (LivenessCue cue : LivenessCue.values()) {
                    if (chosen.contains(cue)) {
                        continue;
                    }
                    List<LivenessCue> trial = new ArrayList<>(chosen);
                    trial.add(cue);
                    double merit = merit(trial, criterion);
                    if (merit > bestMerit) {
                        bestMerit = merit;
                        bestCue = cue;
                    }
                }
                if (bestCue == null || bestMerit - best < MIN_GAIN) {
                    out.printf(Locale.ROOT, "  stop: no cue improves it by %.3f or more (best candidate %s)%n", MIN_GAIN,
                            bestCue == null ? "none" : bestCue.id() + String.format(Locale.ROOT, " -> %.4f", Math.abs(bestMerit)));
                    break;
                }
                chosen.add(bestCue);
                best = bestMerit;
                double[] cv = crossValidate(chosen);
                out.printf(Locale.ROOT, "  + %-20s cv auc %.4f, held-out acer %.4f%n", bestCue.id(), cv[0], cv[1]);
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
