package io.face4j.video.render;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.face4j.geometry.Box;
import io.face4j.video.track.Label;
import io.face4j.video.track.TrackEvent;

/**
 * Writes track events as JSON Lines: one object per event with {@code event, frame, time, track, box, name,
 * similarity} (and {@code previous_name} for identity changes; {@code liveness, liveness_score, liveness_reason}
 * when the tracker checks liveness); box as [x1, y1, x2, y2] in source pixels, time in
 * seconds. Not thread-safe.
 */
public final class EventWriter implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final BufferedWriter out;

    public EventWriter(Path file) {
        try {
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write events file " + file + ": " + e.getMessage(), e);
        }
    }

    public void write(TrackEvent event) {
        try {
            out.write(line(event));
            out.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON object of one event, without line break. */
    public static String line(TrackEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", e.type().key());
        m.put("frame", e.frameIndex());
        m.put("time", Math.round(e.timestampMicros() / 1000.0) / 1000.0);
        m.put("track", e.trackId());
        Box b = e.box();
        m.put("box", new double[] {round(b.x1()), round(b.y1()), round(b.x2()), round(b.y2())});
        putLabel(m, "", e.label());
        if (e.previous() != null) {
            m.put("previous_name", e.previous().known() ? e.previous().name() : null);
        }
        if (e.liveness() != null) {
            m.put("liveness", e.liveness().state().label());
            m.put("liveness_score", Double.isNaN(e.liveness().score()) ? null : Math.round(e.liveness().score() * 1000) / 1000.0);
            m.put("liveness_reason", e.liveness().reason());
        }
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void putLabel(Map<String, Object> m, String prefix, Label label) {
        m.put(prefix + "name", label != null && label.known() ? label.name() : null);
        m.put(prefix + "known", label != null && label.known());
        m.put(prefix + "similarity", label == null || Double.isNaN(label.similarity()) ? null : Math.round(label.similarity() * 10000) / 10000.0);
        m.put(prefix + "reason", label == null ? null : label.reason());
        if (label != null && !label.qualityReasons().isEmpty()) {
            m.put(prefix + "quality_reasons", label.qualityReasons());
        }
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
