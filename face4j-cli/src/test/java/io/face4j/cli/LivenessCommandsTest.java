package io.face4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.face4j.AnalyzerOptions;
import io.face4j.FaceAnalyzer;
import io.face4j.gallery.Gallery;
import io.face4j.geometry.Landmarks;
import io.face4j.image.Images;
import io.face4j.image.RgbImage;
import io.face4j.liveness.temporal.PlanarClips;
import io.face4j.testing.Datasets;
import io.face4j.video.source.FrameSource;
import io.face4j.video.source.FrameSources;
import io.face4j.video.source.SourceOptions;
import io.face4j.video.source.SourceSpec;
import io.face4j.video.source.VideoFrame;

/**
 * Temporal liveness in the video commands, on a printed-photo attack: a planar clip of Barack Obama's photo (the photo
 * waved and tilted in front of the camera, {@link PlanarClips}) as an image folder.
 */
@Tag("golden")
class LivenessCommandsTest {
    private static final long SEED = 7;

    /** 60 frames of the photo moving as a plane, written as PNGs (the folder source plays them at 25 fps). */
    private static Path planarClip(Path dir) throws IOException {
        RgbImage photo = Images.read(Datasets.require("face_recognition-examples/examples/obama.jpg"));
        Landmarks face;
        try (FaceAnalyzer analyzer = FaceAnalyzer.create(AnalyzerOptions.defaults().withThreads(1).withoutEmbedder())) {
            face = analyzer.detect(photo).get(0).landmarks();
        }
        Path folder = Files.createDirectories(dir.resolve("clip"));
        List<PlanarClips.Frame> frames = PlanarClips.render(photo, face, SEED, 60);
        for (int i = 0; i < frames.size(); i++) {
            Images.write(frames.get(i).image(), folder.resolve(String.format("frame%03d.png", i)));
        }
        return folder;
    }

    private static long files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    @Test
    void captureRefusesToEnrolAPhotoWavedInFrontOfTheCamera(@TempDir Path dir) throws IOException {
        Path clip = planarClip(dir);
        Path crops = dir.resolve("crops");
        Path gallery = dir.resolve("gallery.db");
        CliRun run = CliRun.of("capture", "--name", "Barack Obama", "--folder", clip.toString(), "--count", "5",
                "--out", crops.toString(), "--gallery", gallery.toString(), "--threads", "1");
        System.out.println(run.out() + run.err());
        assertEquals(ExitCodes.INPUT, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("refused: the face moved like a flat photo or screen"), run.err());
        assertTrue(run.err().contains("nothing saved or enrolled"), run.err());
        assertEquals(0, files(crops), "no crops saved");
        try (Gallery g = Gallery.open(gallery)) {
            assertTrue(g.findByName("Barack Obama").isEmpty(), "nothing enrolled");
        }

        CliRun off = CliRun.of("capture", "--name", "Barack Obama", "--folder", clip.toString(), "--count", "5",
                "--out", crops.toString(), "--gallery", gallery.toString(), "--threads", "1", "--no-liveness");
        assertEquals(ExitCodes.OK, off.exitCode(), off.err());
        assertFalse(off.out().contains("liveness"), off.out());
    }

    @Test
    void requireLiveRefusesAStillFaceWhereLivenessCannotBeTold(@TempDir Path dir) throws IOException {
        RgbImage photo = Images.read(Datasets.require("face_recognition-examples/examples/obama.jpg"));
        Path folder = Files.createDirectories(dir.resolve("still"));
        for (int i = 0; i < 30; i++) {
            Images.write(photo, folder.resolve(String.format("frame%03d.png", i)));
        }
        CliRun strict = CliRun.of("capture", "--name", "X", "--folder", folder.toString(), "--count", "1", "--every", "1",
                "--out", dir.resolve("a").toString(), "--gallery", dir.resolve("a.db").toString(), "--threads", "1", "--require-live");
        // --count 1 is met at once; the still face gives no motion to judge
        assertEquals(ExitCodes.INPUT, strict.exitCode(), strict.out() + strict.err());
        assertTrue(strict.err().contains("refused: liveness not established"), strict.err());
        CliRun lenient = CliRun.of("capture", "--name", "X", "--folder", folder.toString(), "--count", "1", "--every", "1",
                "--out", dir.resolve("b").toString(), "--gallery", dir.resolve("b.db").toString(), "--threads", "1");
        assertEquals(ExitCodes.OK, lenient.exitCode(), lenient.err());
        assertTrue(lenient.out().contains("liveness: undecided"), lenient.out());
        CliRun both = CliRun.of("capture", "--name", "X", "--folder", folder.toString(), "--require-live", "--no-liveness");
        assertEquals(ExitCodes.USAGE, both.exitCode(), both.err());
    }

    @Test
    void aHeadTurnChallengeIsMetByTheSingerAndNotByThePhoto(@TempDir Path dir) throws IOException {
        // Hamilton frames 87-140: Lin-Manuel Miranda turns from about +14 to -34 degrees of yaw, his nose moving to the
        // image's left: on an unmirrored camera that is a turn to his own right
        Path stage = Files.createDirectories(dir.resolve("stage"));
        try (FrameSource source = FrameSources.openForProcessing(
                SourceSpec.file(Datasets.require("videos/face_recognition/short_hamilton_clip.mp4")), SourceOptions.defaults())) {
            for (VideoFrame f = source.next().orElse(null); f != null && f.index() <= 140; f = source.next().orElse(null)) {
                if (f.index() >= 87) {
                    Images.write(f.image(), stage.resolve(String.format("frame%03d.png", f.index())));
                }
            }
        }
        CliRun right = CliRun.of("capture", "--name", "Lin", "--folder", stage.toString(), "--count", "1", "--every", "1",
                "--min-face", "40", "--out", dir.resolve("a").toString(), "--gallery", dir.resolve("a.db").toString(),
                "--threads", "1", "--challenge", "turn-right");
        System.out.println(right.out() + right.err());
        assertEquals(ExitCodes.OK, right.exitCode(), right.out() + right.err());
        assertTrue(right.out().contains("liveness challenge: turn your head to your right"), right.out());
        assertTrue(right.out().contains("liveness: live (challenge met"), right.out());

        CliRun left = CliRun.of("capture", "--name", "Lin", "--folder", stage.toString(), "--count", "1", "--every", "1",
                "--min-face", "40", "--out", dir.resolve("b").toString(), "--gallery", dir.resolve("b.db").toString(),
                "--threads", "1", "--challenge", "turn-left");
        assertEquals(ExitCodes.INPUT, left.exitCode(), left.out() + left.err());
        assertTrue(left.err().contains("refused"), left.err());

        CliRun photo = CliRun.of("capture", "--name", "Barack Obama", "--folder", planarClip(dir).toString(), "--count", "1",
                "--out", dir.resolve("c").toString(), "--gallery", dir.resolve("c.db").toString(), "--threads", "1",
                "--challenge", "turn-left");
        System.out.println(photo.out() + photo.err());
        assertEquals(ExitCodes.INPUT, photo.exitCode(), photo.out() + photo.err());
        assertTrue(photo.err().contains("refused"), photo.err());
        assertEquals(ExitCodes.USAGE, CliRun.of("capture", "--name", "X", "--folder", stage.toString(), "--challenge", "wink").exitCode());
    }

    @Test
    void trackBadgesThePhotoAsASpoofInItsEventsAndTable(@TempDir Path dir) throws IOException {
        Path clip = planarClip(dir);
        Path events = dir.resolve("events.jsonl");
        CliRun run = CliRun.of("track", clip.toString(), "--detect-only", "--liveness", "--every", "1",
                "--events", events.toString(), "--threads", "1");
        System.out.println(run.out() + run.err());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        List<String> lines = Files.readAllLines(events);
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"event\":\"liveness_changed\"") && l.contains("\"liveness\":\"spoof\"")),
                String.join("\n", lines));
        assertTrue(lines.stream().noneMatch(l -> l.contains("\"liveness\":\"live\"")), String.join("\n", lines));
        assertTrue(run.out().contains("spoof"), run.out());
    }
}
