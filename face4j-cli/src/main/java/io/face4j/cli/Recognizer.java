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

/** Finds every face of an image and decides who it is. Thread-safe when the finder and gallery are. */
final class Recognizer {
    /** One face and the decision about it. */
    record Result(Face face, Decision decision) {
        String name() {
            return decision.unknown() ? "unknown" : decision.best().orElseThrow().name();
        }
    }

    private final FaceFinder finder;
    private final Matcher matcher;
    private final String modelId;
    private final MatchOptions options;

    Recognizer(FaceFinder finder, Matcher matcher, String modelId, DecisionPolicy policy, double threshold) {
        this.finder = finder;
        this.matcher = matcher;
        this.modelId = modelId;
        this.options = MatchOptions.defaults().withPolicy(policy).withThreshold(threshold).withTopK(3);
    }

    List<Result> recognize(RgbImage image) {
        List<Result> results = new ArrayList<>();
        for (Face face : finder.find(image)) {
            results.add(new Result(face, matcher.decide(modelId, face.embedding().values(), options)));
        }
        return results;
    }
}
