package io.face4j.cli;

import java.io.PrintWriter;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a long command on standard error: a progress bar on a terminal (System.console() is not null);
 * otherwise (piped, redirected, run in-process by tests) either nothing or, for {@link #start(String, long, PrintWriter)},
 * a plain line every 10%. Nothing when --quiet or when the total is unknown (streams). Not thread-safe.
 */
final class Progress implements AutoCloseable {
    private final ProgressBar bar;
    private final PrintWriter plain;
    private final String task;
    private final long total;
    private long done;
    private long nextReport;

    private Progress(ProgressBar bar, PrintWriter plain, String task, long total) {
        this.bar = bar;
        this.plain = plain;
        this.task = task;
        this.total = total;
        this.nextReport = total / 10;
    }

    /** A bar on a terminal, silent otherwise (enrol, eval, calibrate: their summaries say enough when piped). */
    static Progress start(String task, long total, boolean quiet) {
        if (quiet || total <= 0 || System.console() == null) {
            return new Progress(null, null, task, total);
        }
        return new Progress(bar(task, total, ""), null, task, total);
    }

    /** A bar of frames on a terminal, a plain line every 10% on {@code err} when piped (long video runs). */
    static Progress start(String task, long total, PrintWriter err) {
        if (total <= 0) {
            return new Progress(null, null, task, total);
        }
        if (System.console() != null) {
            return new Progress(bar(task, total, " frames"), null, task, total);
        }
        return new Progress(null, err, task, total);
    }

    private static ProgressBar bar(String task, long total, String unit) {
        ProgressBarBuilder builder = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err))
                .setUpdateIntervalMillis(250).showSpeed().clearDisplayOnFinish();
        if (!unit.isEmpty()) {
            builder.setUnit(unit, 1);
        }
        return builder.build();
    }

    void step() {
        done++;
        if (bar != null) {
            bar.step();
        } else if (plain != null && done >= nextReport && done < total) {
            plain.printf("%s: %d/%d frames (%d%%)%n", task, done, total, done * 100 / total);
            plain.flush();
            nextReport += Math.max(1, total / 10);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
