package io.face4j.cli;

import java.util.function.Supplier;

import io.face4j.gallery.GalleryException;
import io.face4j.gallery.ModelMismatchException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Maps the gallery's and the commands' own failures to the CLI's exit codes in one place: a bad option value
 * ({@link UsageException}) becomes a picocli usage error (exit 1), a gallery refusal (unknown identity, duplicate
 * name, import conflict, unreadable file, model mismatch) an input error (exit 2) with its message.
 */
final class Failures {
    private Failures() {
    }

    static <T> T mapped(CommandSpec spec, Supplier<T> body) {
        try {
            return body.get();
        } catch (UsageException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        } catch (GalleryException | ModelMismatchException e) {
            throw new InputException(e.getMessage(), e);
        }
    }
}
