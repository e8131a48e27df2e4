package io.face4j.cli;

import java.io.PrintWriter;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a long command on stderr: a progress bar on a terminal, a plain line every 10% when piped, nothing
 * when the total is unknown (streams). Not thread-safe.
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

    static Progress start(String task, long total, PrintWriter err) {
        if (total <= 0) {
            return new Progress(null, null, task, total);
        }
        if (System.console() != null) {
            ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setUnit(" frames", 1)
                    .setStyle(ProgressBarStyle.ASCII).showSpeed().clearDisplayOnFinish().build();
            return new Progress(bar, null, task, total);
        }
        return new Progress(null, err, task, total);
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
