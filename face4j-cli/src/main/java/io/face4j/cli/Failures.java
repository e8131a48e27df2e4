package io.face4j.cli;

import java.util.function.Supplier;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Turns a bad option value found while a command runs ({@link UsageException}) into a picocli usage error (exit 1).
 * Library failures (gallery refusals, images, models, video sources) are mapped to exit 2 by {@link Face4jCli}.
 */
final class Failures {
    private Failures() {
    }

    static <T> T mapped(CommandSpec spec, Supplier<T> body) {
        try {
            return body.get();
        } catch (UsageException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }
}
