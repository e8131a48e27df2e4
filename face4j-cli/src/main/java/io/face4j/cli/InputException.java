package io.face4j.cli;

/** A user input that cannot be used; the CLI prints the message (no stack trace) and exits with {@link ExitCodes#INPUT}. */
public class InputException extends RuntimeException {
    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
