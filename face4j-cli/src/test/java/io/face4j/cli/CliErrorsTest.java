package io.face4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.awt.image.RescaleOp;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.face4j.testing.Datasets;

/** Names, error paths and exit codes (README "Exit codes"), with one real photo enrolled under several names. */
class CliErrorsTest {
    @TempDir
    static Path tmp;
    static Path gallery;
    static Path blank;

    @BeforeAll
    static void setUp() throws Exception {
        gallery = tmp.resolve("g.db");
        blank = tmp.resolve("blank.png");
        ImageIO.write(new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB), "png", blank.toFile());
    }

    private static Path requirePhoto() {
        return Datasets.require("five-celebrity-faces/val/mindy_kaling/1.jpg");
    }

    @Test
    void badNamesAreRefusedWithAClearMessage() {
        Path image = requirePhoto();
        String[][] cases = {{"../etc", "path separator"}, {"", "empty"}, {"   ", "empty"}, {"x".repeat(201), "at most 200"},
                {"bad\u0007name", "control character"}, {"two\nlines", "control character"}};
        for (String[] c : cases) {
            Cli.Run run = Cli.run("enroll", "--gallery", gallery, "--name", c[0], image);
            assertEquals(ExitCodes.INPUT, run.code(), run::toString);
            assertTrue(run.err().contains("is not allowed") && run.err().contains(c[1]), run.err());
            assertTrue(!run.err().contains("\u0007") && run.err().lines().count() == 1, "message escapes control characters: " + run.err());
        }
        assertEquals(0, Cli.run("gallery", "list", "--gallery", gallery).lines().stream().filter(l -> l.contains("etc")).count());
    }

    @Test
    void accentsAndCjkWork() {
        Path image = requirePhoto();
        Path g = tmp.resolve("unicode.db");
        // the same photo twice: the second enrolment of it is a near-duplicate of another person, which is fine
        assertEquals(0, Cli.run("enroll", "--gallery", g, "--name", "Zoë Saldaña-Ñúñez", image).code());
        assertEquals(0, Cli.run("enroll", "--gallery", g, "--name", "王小明", image).code());
        Cli.Run list = Cli.run("gallery", "list", "--gallery", g);
        assertTrue(list.out().contains("Zoë Saldaña-Ñúñez") && list.out().contains("王小明"), list.out());
        Cli.Run show = Cli.run("gallery", "show", "--gallery", g, "王小明");
        assertEquals(0, show.code(), show::toString);
        assertTrue(show.out().contains("1 templates") && show.out().contains("1.jpg"), show.out());
        Cli.Run renamed = Cli.run("gallery", "rename", "--gallery", g, "zoë saldaña-ñúñez", "Zoë");
        assertEquals(0, renamed.code(), renamed::toString);
        assertTrue(Cli.run("gallery", "list", "--gallery", g).out().contains("Zoë "));
    }

    @Test
    void enrolmentSkipsBlurredDarkAndFacelessPhotosWithReasons() throws Exception {
        Path image = requirePhoto();
        BufferedImage original = ImageIO.read(image.toFile());
        BufferedImage rgb = new BufferedImage(original.getWidth(), original.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.getGraphics().drawImage(original, 0, 0, null);
        float[] box = new float[81];
        java.util.Arrays.fill(box, 1f / 81);
        Path blurred = tmp.resolve("blurred.png");
        ConvolveOp blur = new ConvolveOp(new Kernel(9, 9, box), ConvolveOp.EDGE_NO_OP, null);
        ImageIO.write(blur.filter(blur.filter(blur.filter(rgb, null), null), null), "png", blurred.toFile());
        Path dark = tmp.resolve("dark.png");
        ImageIO.write(new RescaleOp(0.2f, 0, null).filter(rgb, null), "png", dark.toFile());
        Path g = tmp.resolve("quality.db");
        Cli.Run run = Cli.run("enroll", "--gallery", g, "--name", "Mindy", image, blurred, dark, blank);
        assertEquals(0, run.code(), run::toString);
        assertTrue(run.err().contains("blurred.png: blurry (sharpness"), run.err());
        assertTrue(run.err().contains("dark.png: too dark"), run.err());
        assertTrue(run.err().contains("blank.png: no face found"), run.err());
        assertTrue(run.out().startsWith("enrolled 1 template for 1 person; skipped 3: 1 blurry, 1 no face, 1 too dark"), run.out());
        // the same photo again: the gallery skips it as a near-duplicate and the summary says so
        Cli.Run again = Cli.run("enroll", "--gallery", g, "--name", "Mindy", image);
        assertTrue(again.out().contains("1 near-duplicate") && again.err().contains("near-duplicate of stored template"), again.toString());
        // thresholds are options: with a lax gate the dark copy is accepted (darkening lowers its contrast, so its sharpness too)
        Cli.Run lax = Cli.run("enroll", "--gallery", g, "--name", "Mindy", "--brightness", "0:255", "--min-sharpness", "0", dark);
        assertTrue(lax.out().startsWith("enrolled 1 template"), lax.toString());
        assertEquals(ExitCodes.USAGE, Cli.run("enroll", "--gallery", g, "--name", "Mindy", "--brightness", "9", dark).code());
    }

    @Test
    void inputErrorsExitWithTwo() throws Exception {
        Path notImage = tmp.resolve("notes.jpg");
        Files.writeString(notImage, "not a picture");
        Cli.Run missing = Cli.run("recognize", "--gallery", gallery, tmp.resolve("missing.jpg"));
        assertEquals(ExitCodes.INPUT, missing.code(), missing::toString);
        assertTrue(missing.err().contains("missing.jpg"), missing.err());
        Cli.Run garbage = Cli.run("verify", notImage, notImage);
        assertEquals(ExitCodes.INPUT, garbage.code(), garbage::toString);
        Cli.Run noFace = Cli.run("verify", "--gallery", gallery, blank, blank);
        assertEquals(ExitCodes.INPUT, noFace.code(), noFace::toString);
        assertTrue(noFace.err().contains("no face found in " + blank), noFace.err());
        for (String sub : new String[] {"show", "remove"}) {
            Cli.Run unknown = Cli.run("gallery", sub, "--gallery", gallery, "Nobody Here");
            assertEquals(ExitCodes.INPUT, unknown.code(), unknown::toString);
            assertTrue(unknown.err().contains("no person named or with id \"Nobody Here\""), unknown.err());
        }
        Cli.Run importMissing = Cli.run("gallery", "import", "--gallery", gallery, tmp.resolve("nope.json"));
        assertEquals(ExitCodes.INPUT, importMissing.code(), importMissing::toString);
        Cli.Run calibrateEmpty = Cli.run("calibrate", "--gallery", tmp.resolve("empty.db"));
        assertEquals(ExitCodes.INPUT, calibrateEmpty.code(), calibrateEmpty::toString);
    }

    @Test
    void usageErrorsExitWithOne() {
        Path image = blank;
        for (String t : new String[] {"abc", "1.5", "-2"}) {
            Cli.Run run = Cli.run("recognize", "--gallery", gallery, "--threshold", t, image);
            assertEquals(ExitCodes.USAGE, run.code(), run::toString);
            assertTrue(run.err().contains("--threshold") || run.err().contains("threshold"), run.err());
        }
        assertEquals(ExitCodes.USAGE, Cli.run("verify", "--threshold", "2", image, image).code());
        assertEquals(ExitCodes.USAGE, Cli.run("recognize", "--no-such-option", image).code());
        assertEquals(ExitCodes.USAGE, Cli.run("recognize", "--policy", "vote", image).code());
        assertEquals(ExitCodes.USAGE, Cli.run("gallery").code());
        assertEquals(ExitCodes.USAGE, Cli.run("calibrate", "--gallery", gallery, "--far", "0").code());
        assertEquals(ExitCodes.USAGE, Cli.run("enroll", "--gallery", gallery, "a", "b").code());
    }

    @Test
    void galleryPathComesFromTheOption() {
        Path g = tmp.resolve("nested/dir/g.db");
        Cli.Run list = Cli.run("gallery", "list", "--gallery", g);
        assertEquals(0, list.code(), list::toString);
        assertTrue(Files.exists(g));
        assertEquals("NAME  ID            TEMPLATES", list.lastLine());
    }
}
