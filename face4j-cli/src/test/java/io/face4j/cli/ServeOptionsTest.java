package io.face4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** serve refuses bad limits as usage errors before it loads anything or binds a port. */
class ServeOptionsTest {
    @Test
    void badLimitsAreUsageErrors() {
        for (String[] args : new String[][] {{"serve", "--max-pixels", "0"}, {"serve", "--max-inferences", "0"},
                {"serve", "--max-pixels", "lots"}}) {
            DetectEmbedCommandTest.Run run = DetectEmbedCommandTest.cli(args);
            assertEquals(ExitCodes.USAGE, run.code(), String.join(" ", args) + ": " + run.err());
            assertTrue(run.err().contains("max"), run.err());
        }
    }
}
