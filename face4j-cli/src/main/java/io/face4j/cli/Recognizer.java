package io.face4j.cli;

import io.face4j.FaceFinder;
import java.util.ArrayList;
import java.util.List;

import io.face4j.Face;
import io.face4j.gallery.Decision;
import io.face4j.gallery.DecisionPolicy;
import io.face4j.gallery.MatchOptions;
import io.face4j.gallery.Matcher;
import io.face4j.image.RgbImage;
import io.face4j.quality.QualityAssessment;
import io.face4j.quality.QualityBar;

/** Finds every face of an image and decides who it is. Thread-safe when the finder and gallery are. */
final class Recognizer {
    /** One face, its quality against the bar, and the decision about it. */
    record Result(Face face, QualityAssessment quality, Decision decision) {
        String name() {
            return decision.unknown() ? "unknown" : decision.best().orElseThrow().name();
        }

        /** match, below_threshold, or low_quality:REASON[+REASON...] ("low_quality:too_dark"). */
        String reason() {
            String code = decision.reason().code();
            return decision.qualityReasons().isEmpty() ? code : code + ":" + String.join("+", decision.qualityReasons());
        }
    }

    private final FaceFinder finder;
    private final Matcher matcher;
    private final String modelId;
    private final MatchOptions options;
    private final QualityBar bar;

    /** {@code bar}: faces below it are unknown with reason low_quality ({@link QualityBar#recognition()} by default). */
    Recognizer(FaceFinder finder, Matcher matcher, String modelId, DecisionPolicy policy, double threshold, QualityBar bar) {
        this.finder = finder;
        this.matcher = matcher;
        this.modelId = modelId;
        this.options = MatchOptions.defaults().withPolicy(policy).withThreshold(threshold).withTopK(3);
        this.bar = bar;
    }

    List<Result> recognize(RgbImage image) {
        List<Result> results = new ArrayList<>();
        for (Face face : finder.find(image)) {
            QualityAssessment quality = bar.assess(face.quality());
            results.add(new Result(face, quality, matcher.decide(modelId, face.embedding().values(), quality.codes(), options)));
        }
        return results;
    }
}
