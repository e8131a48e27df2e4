package io.face4j.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.face4j.align.ArcFaceAligner;
import io.face4j.align.MarginCropAligner;
import io.face4j.image.RgbImage;
import io.face4j.onnx.OnnxModel;
import io.face4j.onnx.OnnxOptions;
import io.face4j.onnx.proto.OnnxGraph;

/** Model plumbing on a generated graph: NCHW [n, 3, 8, 8] -> Flatten -> MatMul W[192, 4] -> [n, 4]. */
class OnnxEmbedderTest {
    private static final int SIZE = 8;
    private static final int IN = 3 * SIZE * SIZE;
    private static final int OUT = 4;
    private static final float[] WEIGHTS = weights();

    private static final EmbedderDescriptor DESCRIPTOR = EmbedderDescriptor.arcFace("tiny").withInputSize(SIZE)
            .withNormalization(new float[] {127.5f}, new float[] {127.5f});

    private static float[] weights() {
        Random random = new Random(3);
        float[] w = new float[IN * OUT];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) random.nextGaussian();
        }
        return w;
    }

    private static OnnxModel tinyModel(Object batch, Object outputDim) {
        OnnxGraph g = new OnnxGraph("tiny");
        g.input("image", OnnxGraph.FLOAT, batch, (long) 3, (long) SIZE, (long) SIZE);
        g.floatInitializer("w", new long[] {IN, OUT}, WEIGHTS);
        g.node("Flatten", List.of("image"), List.of("flat"), OnnxGraph.Attr.i("axis", 1));
        g.node("MatMul", List.of("flat", "w"), List.of("embedding"));
        g.output("embedding", OnnxGraph.FLOAT, batch, outputDim);
        return OnnxModel.fromOnnx(g.toModel("face4j-test", null, 17), "tiny.onnx", OnnxOptions.defaults());
    }

    private static RgbImage randomFace(Random random) {
        byte[] rgb = new byte[SIZE * SIZE * 3];
        random.nextBytes(rgb);
        return RgbImage.of(SIZE, SIZE, rgb);
    }

    /** The expected raw output for one face, computed in Java from the same preprocessing. */
    private static float[] expected(RgbImage face, boolean mirror) {
        float[] x = new float[IN];
        Preprocessing.write(face, DESCRIPTOR, mirror, x, 0);
        float[] y = new float[OUT];
        for (int j = 0; j < OUT; j++) {
            double sum = 0;
            for (int i = 0; i < IN; i++) {
                sum += x[i] * WEIGHTS[i * OUT + j];
            }
            y[j] = (float) sum;
        }
        return y;
    }

    private static List<RgbImage> faces(int n) {
        Random random = new Random(11);
        List<RgbImage> faces = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            faces.add(randomFace(random));
        }
        return faces;
    }

    @Test
    void chunkedBatchesMatchTheReference() {
        List<RgbImage> faces = faces(7);
        try (OnnxModel model = tinyModel("n", (long) OUT);
             OnnxEmbedder embedder = OnnxEmbedder.of(model, DESCRIPTOR, EmbedderOptions.defaults().withBatchSize(3))) {
            assertEquals(OUT, embedder.dimension());
            assertEquals("tiny", embedder.modelId());
            List<Embedding> embeddings = embedder.embed(faces);
            assertEquals(7, embeddings.size());
            for (int i = 0; i < faces.size(); i++) {
                float[] want = Embedding.unitLength(expected(faces.get(i), false));
                assertArrayEquals(want, embeddings.get(i).values(), 1e-4f, "face " + i);
                assertTrue(embeddings.get(i).isNormalized());
                assertEquals(embeddings.get(i).cosine(embedder.embed(faces.get(i))), 1.0, 1e-6);
            }
            assertEquals(List.of(), embedder.embed(List.of()));
        }
    }

    @Test
    void flipAugmentationSumsTheMirroredFace() {
        List<RgbImage> faces = faces(5);
        try (OnnxModel model = tinyModel("n", (long) OUT);
             OnnxEmbedder embedder = OnnxEmbedder.of(model, DESCRIPTOR, EmbedderOptions.defaults().withFlipAugmentation(true).withBatchSize(4))) {
            List<Embedding> embeddings = embedder.embed(faces);
            for (int i = 0; i < faces.size(); i++) {
                float[] a = expected(faces.get(i), false);
                float[] b = expected(faces.get(i), true);
                float[] sum = new float[OUT];
                for (int j = 0; j < OUT; j++) {
                    sum[j] = a[j] + b[j];
                }
                assertArrayEquals(Embedding.unitLength(sum), embeddings.get(i).values(), 1e-4f, "face " + i);
            }
        }
    }

    @Test
    void fixedBatchAndSymbolicDimensionAreHandled() {
        List<RgbImage> faces = faces(3);
        try (OnnxModel model = tinyModel((long) 2, "d");
             OnnxEmbedder embedder = OnnxEmbedder.of(model, DESCRIPTOR, EmbedderOptions.defaults())) {
            assertEquals(OUT, embedder.dimension(), "dimension probed from a run");
            List<Embedding> embeddings = embedder.embed(faces);
            for (int i = 0; i < faces.size(); i++) {
                assertArrayEquals(Embedding.unitLength(expected(faces.get(i), false)), embeddings.get(i).values(), 1e-4f);
            }
        }
    }

    @Test
    void otherSizedCropsAreResized() {
        try (OnnxModel model = tinyModel("n", (long) OUT);
             OnnxEmbedder embedder = OnnxEmbedder.of(model, DESCRIPTOR, EmbedderOptions.defaults())) {
            RgbImage big = faces(1).get(0).resizeBilinear(32, 32);
            assertArrayEquals(Embedding.unitLength(expected(big.resizeArea(SIZE, SIZE), false)), embedder.embed(big).values(), 1e-4f);
        }
    }

    @Test
    void signatureMismatchNamesBothShapesAndTheFile() {
        try (OnnxModel model = tinyModel("n", (long) OUT)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> OnnxEmbedder.of(model, DESCRIPTOR.withLayout(EmbedderDescriptor.Layout.NHWC), EmbedderOptions.defaults()));
            assertTrue(e.getMessage().contains("tiny.onnx") && e.getMessage().contains("[-1, 3, 8, 8]")
                    && e.getMessage().contains("[-1, 8, 8, 3]"), e.getMessage());
            IllegalArgumentException output = assertThrows(IllegalArgumentException.class,
                    () -> OnnxEmbedder.of(model, DESCRIPTOR.withOutputName("fc1"), EmbedderOptions.defaults()));
            assertTrue(output.getMessage().contains("fc1") && output.getMessage().contains("embedding"), output.getMessage());
        }
    }

    @Test
    void alignerFollowsTheDescriptor() {
        try (OnnxModel model = tinyModel("n", (long) OUT)) {
            try (OnnxEmbedder arc = OnnxEmbedder.of(model, DESCRIPTOR, EmbedderOptions.defaults())) {
                assertInstanceOf(ArcFaceAligner.class, arc.aligner());
                assertEquals(SIZE, arc.aligner().size());
            }
            try (OnnxEmbedder crop = OnnxEmbedder.of(model, DESCRIPTOR.withAlignment(EmbedderDescriptor.Alignment.MARGIN_CROP, 2),
                    EmbedderOptions.defaults())) {
                assertInstanceOf(MarginCropAligner.class, crop.aligner());
                assertEquals(2, ((MarginCropAligner) crop.aligner()).margin());
            }
            // the embedders did not own the model: it still runs
            try (OnnxEmbedder again = OnnxEmbedder.of(model, DESCRIPTOR, EmbedderOptions.defaults())) {
                assertEquals(OUT, again.embed(faces(1).get(0)).dimension());
            }
        }
    }

    @Test
    void misuseNamesTheParameter() {
        try (OnnxModel model = tinyModel("n", (long) OUT);
             OnnxEmbedder embedder = OnnxEmbedder.of(model, DESCRIPTOR, EmbedderOptions.defaults())) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> embedder.embed((List<RgbImage>) null));
            assertTrue(e.getMessage().startsWith("alignedFaces"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> OnnxEmbedder.of(null, DESCRIPTOR, EmbedderOptions.defaults()));
            assertThrows(IllegalArgumentException.class, () -> EmbedderOptions.defaults().withBatchSize(0));
        }
    }
}
