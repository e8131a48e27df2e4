package io.face4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eval-liveness} end to end on tiny generated folders, and its input errors. */
class EvalLivenessCommandTest {
    @TempDir
    Path tmp;

    private static void noiseImage(Path file, long seed) throws IOException {
        Files.createDirectories(file.getParent());
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        ImageIO.write(image, "png", file.toFile());
    }

    @Test
    void faceLessImagesCountAsRejectedAndTheLastLineIsMachineReadable() throws IOException {
        // Folder names in any case; noise has no face, so every image is rejected: no attack gets in (APCER 0),
        // every live image is refused (BPCER 1), and all scores tie at 0 (AUC 0.5).
        noiseImage(tmp.resolve("Live/a.png"), 1);
        noiseImage(tmp.resolve("Live/b.png"), 2);
        noiseImage(tmp.resolve("SPOOF/c.png"), 3);
        Path report = tmp.resolve("out/roc.png");
        Cli.Run run = Cli.run("eval-liveness", tmp, "--report", report);
        assertEquals(0, run.code(), run::toString);
        assertEquals("apcer=0.000 bpcer=1.000 acer=0.500 auc=0.500", run.lastLine(), run::toString);
        assertTrue(run.out().contains("no face found: 2 live, 1 spoof"), run.out());
        assertTrue(run.out().contains("faceAntiSpoofing") && run.out().contains("highFrequency"), "per-cue rows: " + run.out());
        assertTrue(Files.size(report) > 2000, "ROC plot written");
        Map<String, String> last = EvalCommandTest.keyValues(run.lastLine());
        assertEquals(4, last.size());
    }

    @Test
    void missingFolderIsAnInputError() {
        Cli.Run run = Cli.run("eval-liveness", tmp.resolve("nope"));
        assertEquals(ExitCodes.INPUT, run.code(), run::toString);
        assertTrue(run.err().contains("no such folder"), run.err());
    }

    @Test
    void missingSpoofFolderIsNamed() throws IOException {
        noiseImage(tmp.resolve("live/a.png"), 1);
        Cli.Run run = Cli.run("eval-liveness", tmp);
        assertEquals(ExitCodes.INPUT, run.code(), run::toString);
        assertTrue(run.err().contains("no spoof/ subfolder"), run.err());
    }

    @Test
    void emptySubfolderIsNamed() throws IOException {
        noiseImage(tmp.resolve("live/a.png"), 1);
        Files.createDirectories(tmp.resolve("spoof"));
        Files.writeString(tmp.resolve("spoof/readme.txt"), "not an image");
        Cli.Run run = Cli.run("eval-liveness", tmp);
        assertEquals(ExitCodes.INPUT, run.code(), run::toString);
        assertTrue(run.err().contains("holds no images"), run.err());
    }

    @Test
    void badOptionsAreUsageErrors() throws IOException {
        noiseImage(tmp.resolve("live/a.png"), 1);
        noiseImage(tmp.resolve("spoof/b.png"), 2);
        assertEquals(ExitCodes.USAGE, Cli.run("eval-liveness", tmp, "--threshold", "1.5").code());
        assertEquals(ExitCodes.USAGE, Cli.run("eval-liveness", tmp, "--cues", "sharpness,bogus", "--calibrate-on", tmp).code());
        assertEquals(ExitCodes.USAGE, Cli.run("eval-liveness", tmp, "--fit").code(), "--fit without a calibration set");
        Cli.Run badCriterion = Cli.run("eval-liveness", tmp, "--fit", "--select-by", "f1", "--calibrate-on", tmp);
        assertEquals(ExitCodes.USAGE, badCriterion.code(), badCriterion::toString);
        assertTrue(badCriterion.err().contains("--select-by must be auc or acer"), badCriterion.err());
    }
}
