package io.face4j.video.track;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

import io.face4j.embed.Embedding;
import io.face4j.quality.QualityAssessment;

/**
 * The identity of one track: keeps its recent faces, fuses the best into one embedding weighted by quality, and
 * changes the shown label only after several consistent decisions (hysteresis), so a label does not flicker between
 * frames. Not thread-safe; owned by its track.
 */
public final class TrackIdentity {
    private final RecognitionOptions options;
    private final Deque<Sample> samples = new ArrayDeque<>();
    private Label label;
    private Label pending;
    private int pendingCount;
    private long lastDecisionMicros = Long.MIN_VALUE;
    private boolean newSample;
    private QualityAssessment lowQuality;

    record Sample(Embedding embedding, double weight, long micros) {
    }

    public TrackIdentity(RecognitionOptions options) {
        this.options = options;
    }

    /** The settled label, or null while the track is still being recognised. */
    public Label label() {
        return label;
    }

    /** Keeps a face for recognition if it is good enough (no quality assessment: judged by weight only). */
    void add(Embedding embedding, double weight, long micros) {
        add(embedding, weight, null, micros);
    }

    /**
     * Keeps a face for recognition if its weight is enough and it passes the quality bar; a face that fails the bar
     * is remembered instead, so that a track with no usable recent face is labelled unknown with its reasons.
     */
    void add(Embedding embedding, double weight, QualityAssessment quality, long micros) {
        long oldest = micros - Math.round(options.windowSeconds() * 1e6);
        while (!samples.isEmpty() && samples.peekFirst().micros() < oldest) {
            samples.removeFirst();
        }
        if (embedding == null) {
            return;
        }
        if (quality != null && !quality.usable()) {
            lowQuality = quality;
            newSample = true;
            return;
        }
        if (weight < options.minWeight()) {
            return;
        }
        samples.addLast(new Sample(embedding.normalized(), weight, micros));
        newSample = true;
    }

    /** True when a decision is due: new faces and either no label yet or the re-check interval has passed. */
    boolean due(long micros) {
        if (!newSample || (samples.isEmpty() && lowQuality == null)) {
            return false;
        }
        return label == null || pending != null
                || micros - lastDecisionMicros >= Math.round(options.recheckSeconds() * 1e6);
    }

    /** The weighted mean of the best recent faces, unit length; null when there is none. */
    Embedding fused() {
        if (samples.isEmpty()) {
            return null;
        }
        List<Sample> best = new ArrayList<>(samples);
        best.sort(Comparator.comparingDouble(Sample::weight).reversed());
        best = best.subList(0, Math.min(options.bestSamples(), best.size()));
        float[] sum = new float[best.get(0).embedding().dimension()];
        for (Sample s : best) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += (float) (s.weight() * s.embedding().get(i));
            }
        }
        return new Embedding(sum, best.get(0).embedding().modelId()).normalized();
    }

    /**
     * Decides with {@code decide} (fused embedding to label) and applies hysteresis. Returns the label change (old,
     * new) when the settled label changed, else null.
     */
    LabelChange decide(long micros, Function<Embedding, Label> decide) {
        newSample = false;
        lastDecisionMicros = micros;
        // usable faces of the last window decide; only when there are none does the latest bad face say why not
        Label candidate = samples.isEmpty() ? Label.lowQuality(lowQuality.codes()) : decide.apply(fused());
        if (label != null && candidate.sameIdentity(label)) {
            label = candidate;
            pending = null;
            pendingCount = 0;
            return null;
        }
        if (pending != null && candidate.sameIdentity(pending)) {
            pendingCount++;
        } else {
            pending = candidate;
            pendingCount = 1;
        }
        int needed = label == null ? options.confirmDecisions() : options.switchDecisions();
        if (pendingCount < needed) {
            return null;
        }
        Label old = label;
        label = candidate;
        pending = null;
        pendingCount = 0;
        return new LabelChange(old, candidate);
    }

    record LabelChange(Label before, Label after) {
    }
}
