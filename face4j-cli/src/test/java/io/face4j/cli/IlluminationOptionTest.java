package io.face4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The lighting options of the analysis and eval commands: bad values are usage errors, good ones reach the last line. */
class IlluminationOptionTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({
            "detect, --illumination, bright, unknown illumination mode 'bright' (expected none, gamma, clahe or retinex)",
            "eval, --illumination, hdr, unknown illumination mode 'hdr'",
            "eval-identify, --dark-detection, on, unknown illumination mode 'on'",
            "recognize, --dark-luma, 300, '300' is outside 0..255",
            "enroll, --dark-luma, dim, 'dim' is not a number",
            "eval, --dark-align, left, 'left' is not original or enhanced",
            "detect, --dark-trigger, always, 'always' is not dark or missed"})
    void badValueIsAUsageErrorNamingIt(String command, String option, String value, String message) {
        Cli.Run run = Cli.run(command, tmp, option, value);
        assertEquals(ExitCodes.USAGE, run.code(), run::toString);
        assertTrue(run.err().contains(option) && run.err().contains(message), run.err());
    }

    @Test
    void alignedEvalDrawsItsOwnPairs() {
        Cli.Run run = Cli.run("eval", tmp, "--aligned", "--pairs", tmp.resolve("pairs.txt"));
        assertEquals(ExitCodes.USAGE, run.code(), run::toString);
        assertTrue(run.err().contains("--aligned draws its own pairs"), run.err());
    }

    @Test
    void alignedEvalOnTooFewImagesIsAnInputError() throws Exception {
        for (String name : new String[] {"Ann", "Bob"}) {
            Files.createDirectories(tmp.resolve(name));
            for (int i = 1; i <= 3; i++) {
                ImageIO.write(new BufferedImage(112, 112, BufferedImage.TYPE_INT_RGB), "png", tmp.resolve(name).resolve(i + ".png").toFile());
            }
        }
        Cli.Run run = Cli.run("eval", tmp, "--aligned");
        assertEquals(ExitCodes.INPUT, run.code(), run::toString);
        assertTrue(run.err().contains("cannot draw pairs: too few images for 3000 same and 3000 different pairs"), run.err());
    }

    @Test
    void optionsAreEchoedInTheLastLine() throws Exception {
        for (String name : new String[] {"Ann", "Bob"}) {
            Files.createDirectories(tmp.resolve(name));
            for (int i = 1; i <= 2; i++) {
                ImageIO.write(new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB), "jpg", tmp.resolve(name).resolve(name + "_000" + i + ".jpg").toFile());
            }
        }
        Files.writeString(tmp.resolve("pairs.txt"), "2\t1\nAnn\t1\t2\nAnn\t1\tBob\t1\nBob\t1\t2\nAnn\t2\tBob\t2\n");
        Cli.Run run = Cli.run("eval", tmp, "--quiet", "--illumination", "gamma", "--dark-detection", "clahe", "--dark-luma", "50",
                "--dark-align", "enhanced");
        assertEquals(0, run.code(), run::toString);
        assertTrue(run.lastLine().endsWith("illumination=gamma dark_detection=clahe dark_luma=50.0 dark_trigger=missed dark_align=enhanced"), run.lastLine());
    }
}
