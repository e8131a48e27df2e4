package io.face4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --degrade} on eval and eval-identify: a bad spec is a usage error, a valid one is echoed in canonical form. */
class DegradeOptionTest {
    @TempDir
    Path tmp;

    @Test
    void badSpecIsAUsageError() {
        for (String command : new String[] {"eval", "eval-identify"}) {
            Cli.Run run = Cli.run(command, tmp, "--degrade", "dark:gama=2");
            assertEquals(ExitCodes.USAGE, run.code(), run::toString);
            assertTrue(run.err().contains("bad degradation spec 'dark:gama=2'") && run.err().contains("unknown parameter 'gama'"), run.err());
        }
    }

    @Test
    void validSpecIsEchoedInTheLastLine() throws Exception {
        // two people with two blank photos each: every image is "no face", which is enough to run the protocol end to end
        for (String name : new String[] {"Ann", "Bob"}) {
            Files.createDirectories(tmp.resolve(name));
            for (int i = 1; i <= 2; i++) {
                ImageIO.write(new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB), "jpg", tmp.resolve(name).resolve(name + "_000" + i + ".jpg").toFile());
            }
        }
        Files.writeString(tmp.resolve("pairs.txt"), "2\t1\nAnn\t1\t2\nAnn\t1\tBob\t1\nBob\t1\t2\nAnn\t2\tBob\t2\n");
        Cli.Run run = Cli.run("eval", tmp, "--degrade", "lowres:32", "--degrade-seed", "3");
        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().contains("degrade: lowres:size=32"), run.out());
        assertTrue(run.lastLine().contains("no_face=4 degrade=lowres:size=32 illumination="), run.lastLine());
    }

    @Test
    void badEnrolDegradeSpecOrPolicyIsAUsageErrorNamingTheOption() {
        Cli.Run run = Cli.run("eval-identify", tmp, "--enrol-degrade", "dark", "--enrol-degrade", "blur:sigma=-1");
        assertEquals(ExitCodes.USAGE, run.code(), run::toString);
        assertTrue(run.err().contains("--enrol-degrade") && run.err().contains("sigma=-1 is out of range"), run.err());
        Cli.Run policy = Cli.run("eval-identify", tmp, "--policy", "centroid,clusters:9");
        assertEquals(ExitCodes.USAGE, policy.code(), policy::toString);
        assertTrue(policy.err().contains("clusters:K"), policy.err());
    }

    @Test
    void clusterPoliciesParseAndPrintBack() {
        assertEquals("clusters:3", PolicyOption.format(PolicyOption.parse("clusters")));
        assertEquals("clusters:2@0.5", PolicyOption.format(PolicyOption.parse("clusters:2@0.5")));
        assertEquals(io.face4j.gallery.DecisionPolicy.clusters(), PolicyOption.parse("clusters:3"));
    }

    @Test
    void fusionPoliciesParseAndPrintBackAndBadOnesAreRefused() {
        assertEquals("fusion:0.5", PolicyOption.format(PolicyOption.parse("fusion:0.5")));
        assertEquals("top:2", PolicyOption.format(PolicyOption.parse("top:2")));
        assertEquals(new io.face4j.gallery.DecisionPolicy.Fusion(0.5), PolicyOption.parse("fusion:0.5"));
        for (String bad : new String[] {"fusion:1.5", "fusion:x", "top:0", "top:17"}) {
            org.junit.jupiter.api.Assertions.assertThrows(picocli.CommandLine.TypeConversionException.class,
                    () -> PolicyOption.parse(bad), bad);
        }
        // an uncalibrated fusion threshold lies between the centroid's and the nearest template's
        double fused = io.face4j.gallery.RecognitionDefaults.threshold(PolicyOption.parse("fusion:0.5"));
        assertEquals(0.52, fused, 1e-9);
    }
}
