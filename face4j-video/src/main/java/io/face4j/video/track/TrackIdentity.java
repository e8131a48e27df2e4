package io.face4j.video.track;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

import io.face4j.embed.Embedding;

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

    record Sample(Embedding embedding, double weight, long micros) {
    }

    public TrackIdentity(RecognitionOptions options) {
        this.options = options;
    }

    /** The settled label, or null while the track is still being recognised. */
    public Label label() {
        return label;
    }

    /** Keeps a face for recognition if it is good enough. */
    void add(Embedding embedding, double weight, long micros) {
        if (embedding == null || weight < options.minWeight()) {
            return;
        }
        samples.addLast(new Sample(embedding.normalized(), weight, micros));
        long oldest = micros - Math.round(options.windowSeconds() * 1e6);
        while (!samples.isEmpty() && samples.peekFirst().micros() < oldest) {
            samples.removeFirst();
        }
        newSample = true;
    }

    /** True when a decision is due: new faces and either no label yet or the re-check interval has passed. */
    boolean due(long micros) {
        if (!newSample || samples.isEmpty()) {
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
        Label candidate = decide.apply(fused());
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
