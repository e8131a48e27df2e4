package io.face4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.face4j.AnalyzerOptions;
import io.face4j.Face;
import io.face4j.FaceAnalyzer;
import io.face4j.embed.Embedding;
import io.face4j.embed.FaceEmbedder;
import io.face4j.gallery.Decision;
import io.face4j.gallery.Gallery;
import io.face4j.gallery.MatchOptions;
import io.face4j.gallery.Matcher;
import io.face4j.image.Images;
import io.face4j.image.RgbImage;
import io.face4j.testing.Datasets;

@Tag("golden")
class CaptureCommandTest {
    private static final String LIN = "Lin-Manuel Miranda";

    @Test
    void capturesDistinctFacesOfOnePersonAndEnrolsThem(@TempDir Path dir) throws Exception {
        Path clip = Datasets.require("videos/face_recognition/short_hamilton_clip.mp4");
        Path photo = Datasets.require("face_recognition-examples/examples/lin-manuel-miranda.png");
        Path crops = dir.resolve("crops");
        Path gallery = dir.resolve("gallery.db");
        CliRun run = CliRun.of("capture", "--name", LIN, "--video", clip.toString(), "--count", "8", "--every", "2",
                "--out", crops.toString(), "--gallery", gallery.toString(), "--min-face", "40", "--threads", "1");
        System.out.println(run.out() + run.err());
        assertEquals(0, run.exitCode(), run.err());
        List<Path> files;
        try (Stream<Path> list = Files.list(crops)) {
            files = list.sorted().toList();
        }
        assertEquals(8, files.size(), "crops: " + files + "\n" + run.err());
        assertTrue(files.stream().allMatch(f -> f.getFileName().toString().matches("\\d{8}-\\d{6}-\\d{3}(-\\d+)?\\.jpg")), files.toString());

        try (FaceAnalyzer analyzer = FaceAnalyzer.create(AnalyzerOptions.defaults().withThreads(1))) {
            FaceEmbedder embedder = analyzer.embedder().orElseThrow();
            Face reference = primary(analyzer, photo);
            Face other = primary(analyzer, Datasets.require("face_recognition-examples/examples/alex-lacamoire.png"));
            List<Embedding> embeddings = new java.util.ArrayList<>();
            for (Path crop : files) {
                // the saved crops are already aligned: embed them as they are
                Embedding e = embedder.embed(Images.read(crop));
                double lin = e.cosine(reference.embedding());
                double alex = e.cosine(other.embedding());
                System.out.printf("%s cosine to Lin's photo %.3f, to Alex's %.3f%n", crop.getFileName(), lin, alex);
                assertTrue(lin > alex + 0.1, crop + " is not clearly Lin-Manuel Miranda: " + lin + " vs " + alex);
                embeddings.add(e);
            }
            double minPair = 1;
            for (int i = 0; i < embeddings.size(); i++) {
                for (int j = i + 1; j < embeddings.size(); j++) {
                    minPair = Math.min(minPair, embeddings.get(i).cosine(embeddings.get(j)));
                }
            }
            System.out.printf("lowest cosine between two crops %.3f%n", minPair);
            // 0.4: the capture's (and tracker's) same-person bound
            assertTrue(minPair >= 0.4, "two crops look like different people: cosine " + minPair);
            try (Gallery g = Gallery.open(gallery)) {
                assertEquals(8, g.findByName(LIN).orElseThrow().templateCount());
                Decision d = new Matcher(g).decide(reference.embedding().modelId(), reference.embedding().values(),
                        MatchOptions.defaults().withThreshold(0.6));
                assertFalse(d.unknown(), "the photo is not recognised: " + d);
                assertEquals(LIN, d.label());
            }
        }
    }

    private static Face primary(FaceAnalyzer analyzer, Path photo) {
        RgbImage image = Images.read(photo);
        return FaceAnalyzer.primaryFace(analyzer.analyze(image), image.width(), image.height()).orElseThrow();
    }

    @Test
    void saysWhyWhenTheVideoEndsFirst(@TempDir Path dir) {
        Path stub = Datasets.require("videos/faceapi/video.mp4");
        CliRun run = CliRun.of("capture", "--name", "X", "--video", stub.toString(), "--count", "50", "--every", "1",
                "--out", dir.resolve("x").toString(), "--gallery", dir.resolve("g.db").toString(), "--threads", "1");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("the video ended"), run.err());
    }
}
