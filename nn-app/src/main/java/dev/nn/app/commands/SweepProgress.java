package dev.nn.app.commands;

import dev.nn.app.cli.AppContext;
import dev.nn.app.cli.TimeLeft;
import dev.nn.run.trials.SweepFigures;
import dev.nn.sweep.Halving;
import dev.nn.sweep.RungDecision;
import dev.nn.sweep.SweepListener;
import dev.nn.sweep.Trial;
import dev.nn.sweep.TrialResult;
import java.util.List;
import java.util.Locale;

/**
 * The progress line of {@code nn sweep}, one per finished trial run: runs done (of those known: with
 * ASHA the total grows with its promotions), failed and running, the estimated time left (this run's
 * throughput so far times the work left) and what the trial gave. "Running" is exact, whatever order
 * trials finish in: the runs going on as the line is printed, the finished run's worker having
 * taken its next one.
 */
final class SweepProgress implements SweepListener {

    private final AppContext ctx;
    private TimeLeft timeLeft = new TimeLeft();
    private int doneBefore;
    private int failed;
    private final Halving halving;
    private final String name;
    private final double totalWork;
    private double workBefore;
    private double work;

    /**
     * Creates the line of a sweep of {@code trials} trials, which starts with {@code name} ("sweep",
     * "demo"), with {@code halving} (ASHA's rungs as successive halving would run them) or null; the time left counts epochs to run, so that a halving
     * sweep's longer rungs weigh more than its first.
     */
    SweepProgress(AppContext ctx, String name, int trials, Halving halving) {
        this.ctx = ctx;
        this.name = name;
        this.halving = halving;
        double total = trials;
        if (halving != null) {
            total = 0;
            List<Integer> counts = halving.trialsPerRung(trials);
            for (int i = 0; i < counts.size(); i++) {
                total += counts.get(i) * (double) (halving.rungs().get(i) - (i == 0 ? 0 : halving.rungs().get(i - 1)));
            }
        }
        this.totalWork = total;
    }

    /** The epochs a finished trial run trained: those since the rung before its own; 1 per trial without halving. */
    private double work(TrialResult r) {
        if (halving == null) {
            return 1;
        }
        List<Integer> rungs = halving.rungs();
        for (int i = 0; i < rungs.size(); i++) {
            if (r.epochsRun() <= rungs.get(i)) {
                return rungs.get(i) - (i == 0 ? 0 : rungs.get(i - 1));
            }
        }
        return rungs.get(0);
    }

    /** Counts the trial runs an earlier run finished, so the time left is measured on this run's only. */
    synchronized void startingFrom(List<TrialResult> finished) {
        doneBefore = finished.size();
        workBefore = finished.stream().mapToDouble(this::work).sum();
        work = workBefore;
        failed = (int) finished.stream().filter(r -> !r.ok()).count();
        timeLeft = new TimeLeft();
    }

    @Override
    public synchronized void rungDecided(RungDecision decision) {
        ctx.note(String.format(Locale.ROOT, "%s: rung %d (%d epochs) done: %d trial%s go%s on, %d stop", name,
                decision.rung(),
                decision.epochs(), decision.promoted().size(), decision.promoted().size() == 1 ? "" : "s",
                decision.promoted().size() == 1 ? "es" : "", decision.stopped().size()));
    }

    @Override
    public synchronized void trialFinished(Trial trial, TrialResult result, Progress progress) {
        int done = progress.done();
        int total = Math.max(progress.total(), done + progress.running());
        work += work(result);
        if (!result.ok()) {
            failed++;
        }
        ctx.note(String.format(Locale.ROOT, "%s: %d/%d done, %d failed, %d running, %s left: %s %s%s", name, done, total,
                failed, progress.running(), eta(done, total), trial.name(), result.status(), result.ok()
                        ? String.format(Locale.ROOT, ", %s%s accuracy %.4f%s", halving == null ? "final " : "",
                                SweepFigures.validates(trial) ? "validation" : "test",
                                result.finalTestAccuracy(), halving == null ? ""
                                        : " after " + result.epochsRun() + " epoch" + (result.epochsRun() == 1 ? "" : "s"))
                        : ": " + result.reason()));
    }

    /**
     * The time left as h:mm:ss or m:ss, from the trial runs this run finished so far: the work the
     * sweep is expected to take, or if more runs are known (ASHA promotes more than successive halving
     * when results come best last), the known runs not done at the mean work of a run so far.
     */
    private String eta(int done, int total) {
        if (done <= doneBefore || work <= workBefore) {
            return "?";
        }
        double left = Math.max(totalWork - work, (total - done) * (work / done));
        return timeLeft.after(work - workBefore, left);
    }
}
