package io.face4j.video;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.face4j.liveness.temporal.LivenessState;
import io.face4j.video.track.TrackEvent;

/** Collects a per-track summary from frames and events: span, frames seen, every name it carried, liveness. Not thread-safe. */
public final class TrackLog implements VideoRunner.Listener {
    /**
     * One track's history.
     *
     * @param id           track id
     * @param firstFrame   first frame it was shown on
     * @param lastFrame    last frame it was shown on
     * @param shownFrames  frames it was shown on
     * @param labels       every settled label in order ("UNKNOWN" for unknown)
     * @param maxSimilarity highest similarity of a settled label
     * @param meanBoxSide  mean box side, pixels
     * @param liveness     the track's liveness verdict: LIVE once any of its windows was live, else SPOOF once any
     *                     was a spoof, else UNDECIDED; null when liveness was not checked
     * @param liveFrames   frames it was shown on as live
     */
    public record Entry(int id, long firstFrame, long lastFrame, int shownFrames, List<String> labels,
                        double maxSimilarity, double meanBoxSide, LivenessState liveness, int liveFrames) {
        public Set<String> names() {
            Set<String> names = new LinkedHashSet<>(labels);
            names.remove("UNKNOWN");
            return names;
        }
    }

    private static final class Builder {
        long first = -1;
        long last;
        int shown;
        double sideSum;
        final List<String> labels = new ArrayList<>();
        double maxSimilarity = Double.NaN;
        boolean checked;
        boolean everLive;
        boolean everSpoof;
        int liveFrames;
    }

    private final Map<Integer, Builder> builders = new LinkedHashMap<>();

    @Override
    public void onFrame(FrameResult result) {
        for (TrackView t : result.tracks()) {
            Builder b = builders.computeIfAbsent(t.id(), k -> new Builder());
            if (b.first < 0) {
                b.first = result.frame().index();
            }
            b.last = result.frame().index();
            b.shown++;
            b.sideSum += Math.min(t.box().width(), t.box().height());
            if (t.liveness() != null) {
                b.checked = true;
                b.everLive |= t.liveness().live();
                b.everSpoof |= t.liveness().spoof();
                b.liveFrames += t.liveness().live() ? 1 : 0;
            }
        }
    }

    @Override
    public void onEvent(TrackEvent e) {
        Builder b = builders.computeIfAbsent(e.trackId(), k -> new Builder());
        if (e.type() == TrackEvent.Type.IDENTIFIED || e.type() == TrackEvent.Type.IDENTITY_CHANGED) {
            b.labels.add(e.label().text());
            double similarity = e.label().similarity();
            if (!Double.isNaN(similarity)) {
                b.maxSimilarity = Double.isNaN(b.maxSimilarity) ? similarity : Math.max(b.maxSimilarity, similarity);
            }
        }
    }

    /** Every track that was shown, in order of id. */
    public List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        builders.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            Builder b = e.getValue();
            if (b.shown > 0) {
                LivenessState liveness = !b.checked ? null
                        : b.everLive ? LivenessState.LIVE : b.everSpoof ? LivenessState.SPOOF : LivenessState.UNDECIDED;
                out.add(new Entry(e.getKey(), b.first, b.last, b.shown, List.copyOf(b.labels), b.maxSimilarity,
                        b.sideSum / b.shown, liveness, b.liveFrames));
            }
        });
        return out;
    }

    /** A plain-text table of {@link #entries()}. */
    public String table() {
        List<Entry> entries = entries();
        boolean liveness = entries.stream().anyMatch(e -> e.liveness() != null);
        StringBuilder s = new StringBuilder(String.format("%5s %7s %7s %6s %6s %8s  %s%s%n", "track", "first", "last", "shown", "side",
                "max sim", liveness ? String.format("%-9s %5s  ", "liveness", "live") : "", "labels"));
        for (Entry e : entries) {
            String live = !liveness ? "" : e.liveness() == null ? String.format("%-9s %5s  ", "-", "-")
                    : String.format(java.util.Locale.ROOT, "%-9s %5d  ", e.liveness().label(), e.liveFrames());
            s.append(String.format(java.util.Locale.ROOT, "%5d %7d %7d %6d %6.0f %8.3f  %s%s%n", e.id(), e.firstFrame(), e.lastFrame(),
                    e.shownFrames(), e.meanBoxSide(), e.maxSimilarity(), live, e.labels().isEmpty() ? "-" : String.join(" -> ", e.labels())));
        }
        return s.toString();
    }
}
