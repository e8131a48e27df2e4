package io.face4j.cli;

/**
 * A bad option value found after parsing (for example a threshold out of range). Commands turn it into picocli's
 * ParameterException so it exits with {@link ExitCodes#USAGE}, like any other command-line error.
 */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
