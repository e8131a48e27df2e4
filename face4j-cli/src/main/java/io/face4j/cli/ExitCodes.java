package io.face4j.cli;

/** The CLI's documented exit codes (README, "Exit codes"). */
public final class ExitCodes {
    /** Everything asked for was done. */
    public static final int OK = 0;
    /** The command line was wrong: unknown option, missing argument, bad value. */
    public static final int USAGE = 1;
    /** An input could not be used: missing or unreadable file, not an image, bad model file. Other inputs were still processed. */
    public static final int INPUT = 2;
    /** An unexpected internal failure (a bug): rerun with FACE4J_DEBUG=1 for the stack trace and report it. */
    public static final int INTERNAL = 3;

    private ExitCodes() {
    }
}
