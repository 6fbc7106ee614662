package dev.nn.app.commands;

import dev.nn.app.cli.AppContext;
import dev.nn.sweep.SweepListener;
import dev.nn.sweep.Trial;
import dev.nn.sweep.TrialResult;
import java.util.List;
import java.util.Locale;

/**
 * The progress line of {@code nn sweep}, one per finished trial: trials done, failed and running,
 * the estimated time left (this run's throughput so far times the trials left) and what the trial gave.
 */
final class SweepProgress implements SweepListener {

    private final AppContext ctx;
    private long start = System.nanoTime();
    private int doneBefore;
    private int running;
    private int failed;

    SweepProgress(AppContext ctx) {
        this.ctx = ctx;
    }

    /** Counts the trials an earlier run finished, so the time left is measured on this run's only. */
    synchronized void startingFrom(List<TrialResult> finished) {
        doneBefore = finished.size();
        failed = (int) finished.stream().filter(r -> !r.ok()).count();
        start = System.nanoTime();
    }

    @Override
    public synchronized void trialStarted(Trial trial) {
        running++;
    }

    @Override
    public synchronized void trialFinished(Trial trial, TrialResult result, int done, int total) {
        running--;
        if (!result.ok()) {
            failed++;
        }
        ctx.note(String.format(Locale.ROOT, "sweep: %d/%d done, %d failed, %d running, %s left: %s %s%s", done, total,
                failed, running, eta(done, total), trial.name(), result.status(), result.ok()
                        ? String.format(Locale.ROOT, ", final test accuracy %.4f", result.finalTestAccuracy())
                        : ": " + result.reason()));
    }

    /** The time left as h:mm:ss or m:ss, from the trials this run finished so far. */
    private String eta(int done, int total) {
        int finishedHere = done - doneBefore;
        if (finishedHere <= 0) {
            return "?";
        }
        double seconds = (System.nanoTime() - start) / 1e9 / finishedHere * (total - done);
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
