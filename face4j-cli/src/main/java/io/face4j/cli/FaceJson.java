package io.face4j.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.face4j.Face;
import io.face4j.geometry.Box;
import io.face4j.geometry.Point;
import io.face4j.liveness.LivenessEvidence;
import io.face4j.liveness.LivenessResult;
import io.face4j.quality.FaceQuality;
import io.face4j.quality.QualityAssessment;
import io.face4j.quality.QualityBar;

/** Turns faces into the JSON shapes the CLI prints (one object per line). Thread-safe (ObjectMapper is). */
final class FaceJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private FaceJson() {
    }

    static String line(Map<String, Object> value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Box, score, landmarks and quality of one face, coordinates in source-image pixels rounded to 0.1 px; the quality
     * score and reasons against the recognition bar ({@link QualityBar#recognition()}).
     */
    static Map<String, Object> face(Face face) {
        return face(face, QualityBar.recognition().assess(face.quality()));
    }

    /** As {@link #face(Face)} with the quality score and reasons of {@code assessment}. */
    static Map<String, Object> face(Face face, QualityAssessment assessment) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("box", box(face.box()));
        json.put("score", round(face.score(), 4));
        List<List<Double>> landmarks = new ArrayList<>();
        for (Point p : face.landmarks().points()) {
            landmarks.add(List.of(round(p.x(), 1), round(p.y(), 1)));
        }
        json.put("landmarks", landmarks);
        json.put("quality", quality(face.quality(), assessment));
        return json;
    }

    /** {score, live, threshold, evidence: [{name, value, detail}]} of a liveness check. */
    static Map<String, Object> liveness(LivenessResult result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("score", round(result.score(), 4));
        json.put("live", result.live());
        json.put("threshold", round(result.threshold(), 4));
        List<Map<String, Object>> evidence = new ArrayList<>();
        for (LivenessEvidence e : result.evidence()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", e.name());
            item.put("value", round(e.value(), 4));
            item.put("detail", e.detail());
            evidence.add(item);
        }
        json.put("evidence", evidence);
        return json;
    }

    /** The text-output columns of a liveness check: {@code live,0.8312} or {@code spoof,0.1204}. */
    static String livenessColumns(LivenessResult result) {
        return String.format(java.util.Locale.ROOT, "%s,%.4f", result.live() ? "live" : "spoof", result.score());
    }

    static Map<String, Object> box(Box box) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("x1", round(box.x1(), 1));
        json.put("y1", round(box.y1(), 1));
        json.put("x2", round(box.x2(), 1));
        json.put("y2", round(box.y2(), 1));
        return json;
    }

    /** {@code {score, reasons, ...figures}}: the same field names as the REST API's quality object. */
    static Map<String, Object> quality(FaceQuality q, QualityAssessment assessment) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("score", round(assessment.score(), 3));
        json.put("reasons", assessment.codes());
        json.put("interOcularPx", round(q.interOcularPx(), 1));
        json.put("boxSidePx", round(q.boxSidePx(), 1));
        json.put("sharpness", round(q.sharpness(), 1));
        json.put("brightness", round(q.brightness(), 1));
        json.put("contrast", round(q.contrast(), 1));
        json.put("yawDegrees", round(q.yawDegrees(), 1));
        json.put("rollDegrees", round(q.rollDegrees(), 1));
        json.put("visibleFraction", round(q.visibleFraction(), 3));
        return json;
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
