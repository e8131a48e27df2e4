package io.face4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.face4j.FaceAnalyzer;
import io.face4j.FaceFinder;
import io.face4j.embed.Embedding;
import io.face4j.eval.LfwPairs;
import io.face4j.eval.LfwProtocol;
import io.face4j.eval.PairSampler;
import io.face4j.geometry.Box;
import io.face4j.image.Degradation;
import io.face4j.image.ImageException;
import io.face4j.image.Images;
import io.face4j.image.RgbImage;

/**
 * Verification on pre-aligned face crops ({@code DIR/NAME/*.png}, as glint-celeb24-aligned112): pairs drawn by
 * {@link PairSampler} (10 folds of 300 + 300), each image degraded (the face box is the whole crop, since the face
 * fills it), embedded directly with the analyzer's crop normalisation (no detection), and scored as in the LFW protocol.
 * Detection is measured on the side: MTCNN (with {@link FaceFinder}'s padding fallback and the analyzer's dark
 * detection) on every degraded crop; it does not affect the scores. Not thread-safe.
 */
final class AlignedEvaluation {
    static final int FOLDS = 10;
    static final int PER_FOLD = 300;

    /** The protocol result, its pairs, and how many of the images MTCNN found a face in. */
    record Result(LfwPairs pairs, LfwProtocol.Result result, int detected) {
    }

    private AlignedEvaluation() {
    }

    /** The pairs for {@code root}, or an InputException naming the problem. */
    static LfwPairs pairs(Map<String, List<Path>> people, long pairSeed) {
        try {
            return PairSampler.sample(new ArrayList<>(people.keySet()), people.values().stream().map(List::size).toList(),
                    FOLDS, PER_FOLD, pairSeed);
        } catch (IllegalArgumentException e) {
            throw new InputException("cannot draw pairs: " + e.getMessage(), e);
        }
    }

    /** NAME -> image files in name order, for every subfolder with images. */
    static Map<String, List<Path>> people(Path root) {
        Map<String, List<Path>> people = new java.util.LinkedHashMap<>();
        for (Path folder : InputFiles.subfolders(root)) {
            List<Path> files = InputFiles.expand(List.of(folder), false);
            if (!files.isEmpty()) {
                people.put(folder.getFileName().toString(), files);
            }
        }
        return people;
    }

    static Result run(Path root, Map<String, List<Path>> people, LfwPairs pairs, FaceAnalyzer analyzer, Degradation degradation,
                      long degradeSeed, Progress progress, PrintWriter err) {
        FaceFinder finder = new FaceFinder(analyzer);
        int[] detected = {0};
        LfwProtocol.Result result = LfwProtocol.evaluate(pairs, (name, index) -> people.get(name).get(index - 1),
                file -> embed(file, root, analyzer, finder, degradation, degradeSeed, detected, progress, err));
        return new Result(pairs, result, detected[0]);
    }

    /** Number of distinct images the pairs use. */
    static int images(Map<String, List<Path>> people, LfwPairs pairs) {
        java.util.Set<Path> files = new java.util.HashSet<>();
        for (LfwPairs.Pair p : pairs.pairs()) {
            files.add(people.get(p.name1()).get(p.index1() - 1));
            files.add(people.get(p.name2()).get(p.index2() - 1));
        }
        return files.size();
    }

    /** The degraded crop's embedding (LfwProtocol calls this once per image), counting whether MTCNN finds a face in it. */
    private static Optional<Embedding> embed(Path file, Path root, FaceAnalyzer analyzer, FaceFinder finder, Degradation degradation,
                                             long degradeSeed, int[] detected, Progress progress, PrintWriter err) {
        try {
            RgbImage read = Images.read(file);
            // Seeded by the path under the root: glint's file names (1.png, 2.png, ...) repeat across people.
            RgbImage image = degradation.apply(read, new Box(0, 0, read.width(), read.height()),
                    Degradation.seed(degradeSeed, root.relativize(file).toString()));
            if (!finder.find(image).isEmpty()) {
                detected[0]++;
            }
            return Optional.of(analyzer.embedAligned(List.of(image)).get(0));
        } catch (ImageException e) {
            err.println("face4j: cannot read " + file + ": " + e.getMessage() + " (counted as no face)");
            return Optional.empty();
        } finally {
            progress.step();
        }
    }
}
