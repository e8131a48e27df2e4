package io.face4j.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.face4j.eval.VerificationMetrics;
import io.face4j.image.RgbImage;
import io.face4j.testing.Datasets;

/**
 * Golden test: the shipped MobileFaceNet on glint-celeb24-aligned112 (1,172 pre-aligned 112x112 faces of 24 people),
 * embedded directly, scored by cosine over all same/different pairs.
 */
@Tag("golden") // minutes on the shared 2-core machine; exclude with -DexcludedGroups=golden
class MobileFaceNetAccuracyTest {

    @Test
    void rocAucOverAllPairsOfGlintCeleb24() {
        Path root = Datasets.require("glint-celeb24-aligned112");
        List<Path> files = TestImages.list(root, "png");
        assertEquals(1172, files.size(), "images in " + root);
        List<RgbImage> faces = files.stream().map(TestImages::read).toList();
        List<String> labels = files.stream().map(f -> f.getParent().getFileName().toString()).toList();

        double plain;
        double flipped;
        try (OnnxEmbedder embedder = OnnxEmbedder.mobileFaceNet(EmbedderOptions.defaults().withFlipAugmentation(false))) {
            assertEquals(192, embedder.dimension());
            long start = System.nanoTime();
            List<Embedding> embeddings = embedder.embed(faces);
            System.out.printf(Locale.ROOT, "glint: embedded %d faces in %.1f s%n", faces.size(), (System.nanoTime() - start) / 1e9);
            plain = auc(embeddings, labels, "no flip");
        }
        try (OnnxEmbedder embedder = OnnxEmbedder.mobileFaceNet(EmbedderOptions.defaults().withFlipAugmentation(true))) {
            flipped = auc(embedder.embed(faces), labels, "flip TTA");
        }
        // the prototype with the same model measured 0.993
        assertTrue(plain >= 0.99, "AUC without flip " + plain);
        assertTrue(flipped >= 0.99, "AUC with flip " + flipped);
    }

    private static double auc(List<Embedding> embeddings, List<String> labels, String name) {
        int n = embeddings.size();
        int pairs = n * (n - 1) / 2;
        double[] scores = new double[pairs];
        boolean[] same = new boolean[pairs];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                scores[k] = embeddings.get(i).cosine(embeddings.get(j));
                same[k] = labels.get(i).equals(labels.get(j));
                k++;
            }
        }
        double auc = VerificationMetrics.rocAuc(scores, same);
        System.out.printf(Locale.ROOT, "glint-celeb24 (%s): %d pairs, AUC %.5f, EER %.4f, TAR@FAR=1e-3 %.4f%n", name, pairs, auc,
                VerificationMetrics.equalErrorRate(scores, same), VerificationMetrics.tarAtFar(scores, same, 1e-3));
        return auc;
    }
}
