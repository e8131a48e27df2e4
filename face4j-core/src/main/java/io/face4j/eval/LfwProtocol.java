package io.face4j.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

import io.face4j.embed.Embedding;

/**
 * Runs the LFW verification protocol: embeds every image named by the pairs once, scores each pair by cosine
 * similarity and reports k-fold accuracy (threshold chosen on the other folds) and the ROC figures.
 * A pair with an image that gave no embedding scores -1, the lowest cosine, so it is always rejected: a failure for a
 * same-person pair, a success for a different-person pair (the usual "count it as an error" convention for same pairs).
 * Stateless and thread-safe; the embedding function is called from the calling thread only.
 */
public final class LfwProtocol {

    /** Score given to a pair with a missing embedding. */
    public static final double MISSING_SCORE = -1.0;

    private LfwProtocol() {
    }

    /**
     * @param report        the verification figures
     * @param images        distinct images embedded
     * @param missingImages images that gave no embedding, in first-use order
     * @param pairsAffected pairs scored {@link #MISSING_SCORE} because of them
     * @param scores        the cosine score of each pair, in file order
     */
    public record Result(VerificationReport report, int images, List<Path> missingImages, int pairsAffected, double[] scores) {
        public Result {
            missingImages = List.copyOf(missingImages);
            scores = scores.clone();
        }

        @Override
        public double[] scores() {
            return scores.clone();
        }
    }

    /** Evaluates {@code pairs} with images under {@code root}; {@code embed} returns empty when it finds no face. */
    public static Result evaluate(LfwPairs pairs, Path root, Function<Path, Optional<Embedding>> embed) {
        if (root == null) {
            throw new IllegalArgumentException("root must not be null");
        }
        return evaluate(pairs, (name, index) -> LfwPairs.imagePath(root, name, index), embed);
    }

    /**
     * Evaluates {@code pairs} whose images are found by {@code image} (person name, 1-based index -> file) instead of
     * the LFW file naming, e.g. for folders with other file names; {@code embed} returns empty when it finds no face.
     */
    public static Result evaluate(LfwPairs pairs, BiFunction<String, Integer, Path> image, Function<Path, Optional<Embedding>> embed) {
        if (pairs == null || image == null || embed == null) {
            throw new IllegalArgumentException("pairs, image and embed must not be null");
        }
        Map<Path, Optional<Embedding>> cache = new HashMap<>();
        List<Path> missing = new ArrayList<>();
        List<LfwPairs.Pair> list = pairs.pairs();
        double[] scores = new double[list.size()];
        boolean[] same = new boolean[list.size()];
        int[] folds = new int[list.size()];
        int affected = 0;
        for (int i = 0; i < list.size(); i++) {
            LfwPairs.Pair pair = list.get(i);
            Optional<Embedding> a = embedOnce(image.apply(pair.name1(), pair.index1()), embed, cache, missing);
            Optional<Embedding> b = embedOnce(image.apply(pair.name2(), pair.index2()), embed, cache, missing);
            if (a.isPresent() && b.isPresent()) {
                scores[i] = a.get().cosine(b.get());
            } else {
                scores[i] = MISSING_SCORE;
                affected++;
            }
            same[i] = pair.same();
            folds[i] = pair.fold();
        }
        return new Result(VerificationReport.of(scores, same, folds), cache.size(), missing, affected, scores);
    }

    private static Optional<Embedding> embedOnce(Path image, Function<Path, Optional<Embedding>> embed,
                                                 Map<Path, Optional<Embedding>> cache, List<Path> missing) {
        Optional<Embedding> cached = cache.get(image);
        if (cached != null) {
            return cached;
        }
        Optional<Embedding> result = embed.apply(image);
        if (result == null) {
            throw new IllegalStateException("embed returned null for " + image + "; return Optional.empty() for no face");
        }
        cache.put(image, result);
        if (result.isEmpty()) {
            missing.add(image);
        }
        return result;
    }
}
