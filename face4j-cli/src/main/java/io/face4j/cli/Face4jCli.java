package io.face4j.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;

import io.face4j.gallery.GalleryException;
import io.face4j.gallery.ModelMismatchException;
import io.face4j.image.ImageException;
import io.face4j.onnx.ModelException;
import io.face4j.video.source.VideoSourceException;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code ./face4j}: parses the command line and maps failures to messages and exit codes. */
@Command(name = "face4j", mixinStandardHelpOptions = true, versionProvider = Face4jCli.Version.class,
        exitCodeOnInvalidInput = ExitCodes.USAGE,
        description = "Face detection and recognition on the JVM.",
        subcommands = {CommandLine.HelpCommand.class, DetectCommand.class, EmbedCommand.class, ImportModelCommand.class,
                EnrollCommand.class, RecognizeCommand.class, VerifyCommand.class, GalleryCommand.class, CalibrateCommand.class,
                EvalCommand.class, EvalIdentifyCommand.class, EvalLivenessCommand.class,
                CaptureCommand.class, LiveCommand.class, TrackCommand.class, ServeCommand.class})
public final class Face4jCli implements Runnable {

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line with the given output streams; returns the exit code. Used by tests too. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new Face4jCli());
        setUsageExitCode(commandLine);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            boolean debug = "1".equals(System.getenv("FACE4J_DEBUG"));
            if (isInputFailure(exception)) {
                cmd.getErr().println("face4j " + cmd.getCommandName() + ": " + exception.getMessage());
                if (debug) {
                    exception.printStackTrace(cmd.getErr());
                }
                return ExitCodes.INPUT;
            }
            cmd.getErr().println("face4j " + cmd.getCommandName() + ": internal error: " + exception
                    + (debug ? "" : " (rerun with FACE4J_DEBUG=1 for details)"));
            if (debug) {
                exception.printStackTrace(cmd.getErr());
            }
            return ExitCodes.INTERNAL;
        });
        return commandLine.execute(args);
    }

    /**
     * Failures that describe an input the user gave (file, image, model, gallery, video source) rather than a bug:
     * the message is enough, exit code 2. The one place library exceptions meet the CLI's exit codes.
     */
    private static boolean isInputFailure(Exception exception) {
        return exception instanceof InputException || exception instanceof ImageException
                || exception instanceof ModelException || exception instanceof UncheckedIOException
                || exception instanceof GalleryException || exception instanceof ModelMismatchException
                || exception instanceof VideoSourceException;
    }

    /** picocli's default for a bad command line is 2; face4j documents 1 for usage errors, on every subcommand. */
    private static void setUsageExitCode(CommandLine commandLine) {
        commandLine.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.USAGE);
        commandLine.getSubcommands().values().forEach(Face4jCli::setUsageExitCode);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Face4jCli.class.getPackage().getImplementationVersion();
            return new String[] {"face4j " + (version == null ? "(development build)" : version)};
        }
    }
}
