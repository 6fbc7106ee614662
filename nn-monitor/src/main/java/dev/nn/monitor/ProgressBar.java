package dev.nn.monitor;

import dev.nn.train.TrainingControl;
import dev.nn.train.TrainingListener;
import dev.nn.train.event.BatchDone;
import dev.nn.train.event.EpochDone;
import dev.nn.train.event.EpochStarted;
import dev.nn.train.event.TrainingFinished;
import dev.nn.train.event.TrainingStarted;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Shows training progress: on a terminal, a bar per epoch redrawn in place with the mini-batch
 * count, rate and ETA; elsewhere (a log file, CI), one plain line per epoch. Either way each
 * epoch ends with a line holding the last epoch's metrics, when a {@link HistorySource} gives them.
 */
public final class ProgressBar implements TrainingListener {

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 200_000_000L;

    private final String evaluation;
    private final PrintStream out;
    private final boolean terminal;
    private final HistorySource metrics;
    private final LongSupplier clock;
    private int epochs;
    private long epochStart;
    private int firstEpoch;
    private long trainingStart;
    private long lastDraw;
    /** The length of the bar on the screen, which the epoch's summary line must cover. */
    private int drawn;

    /**
     * Creates a progress bar.
     *
     * @param out where to print, usually {@code System.err}
     * @param terminal true to redraw in place with carriage returns
     * @param metrics the history whose last record is shown, or null
     * @param clock nanosecond time source, {@code System::nanoTime} outside tests
     */
    public ProgressBar(PrintStream out, boolean terminal, HistorySource metrics, LongSupplier clock) {
        this(out, terminal, metrics, clock, "test");
    }

    /**
     * Creates a progress bar that names the evaluation data as given.
     *
     * @param evaluation what the history's test metrics were measured on: {@code test} or {@code validation}
     */
    public ProgressBar(PrintStream out, boolean terminal, HistorySource metrics, LongSupplier clock,
            String evaluation) {
        this.out = out;
        this.terminal = terminal;
        this.metrics = metrics;
        this.clock = clock;
        this.evaluation = evaluation;
    }

    /** Creates a progress bar on {@code out} (usually standard error) that redraws only when a console is attached. */
    public static ProgressBar forConsole(PrintStream out, HistorySource metrics) {
        return forConsole(out, metrics, "test");
    }

    /** As {@link #forConsole(PrintStream, HistorySource)}, naming the evaluation data ({@code test} or {@code validation}). */
    public static ProgressBar forConsole(PrintStream out, HistorySource metrics, String evaluation) {
        return new ProgressBar(out, System.console() != null, metrics, System::nanoTime, evaluation);
    }

    @Override
    public boolean wantsBatches() {
        return terminal;
    }

    @Override
    public void trainingStarted(TrainingStarted event) {
        epochs = event.config().epochs();
        trainingStart = clock.getAsLong();
    }

    @Override
    public void epochStarted(EpochStarted event) {
        if (firstEpoch == 0) {
            firstEpoch = event.epoch(); // more than 1 when the run was resumed
        }
        epochStart = clock.getAsLong();
        lastDraw = 0;
    }

    @Override
    public void batchDone(BatchDone event) {
        long now = clock.getAsLong();
        if (event.batch() != event.batchesPerEpoch() && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        double seconds = (now - epochStart) / 1e9;
        double rate = seconds > 0 ? event.batch() / seconds : 0;
        double eta = rate > 0 ? (event.batchesPerEpoch() - event.batch()) / rate : 0;
        int filled = (int) ((long) WIDTH * event.batch() / event.batchesPerEpoch());
        String bar = String.format(Locale.ROOT, "epoch %d/%d [%s%s] %d/%d batches %.0f/s ETA %s ", event.epoch(), epochs,
                "=".repeat(filled), " ".repeat(WIDTH - filled), event.batch(), event.batchesPerEpoch(), rate,
                duration(eta));
        drawn = bar.length();
        out.print("\r" + bar);
        out.flush();
    }

    @Override
    public void epochDone(EpochDone event, TrainingControl control) {
        long now = clock.getAsLong();
        double elapsed = (now - trainingStart) / 1e9;
        // the rate of the epochs trained here: a resumed run's earlier ones took no time of this process
        double remaining = elapsed / (event.epoch() - firstEpoch + 1) * (epochs - event.epoch());
        String line = String.format(Locale.ROOT, "epoch %d/%d done in %.2f s, ETA %s%s", event.epoch(), epochs,
                (now - epochStart) / 1e9, duration(remaining), lastMetrics());
        // the summary replaces the bar on a terminal: blanks cover what of the bar it does not
        out.println(terminal ? "\r" + line + " ".repeat(Math.max(0, drawn - line.length())) : line);
        drawn = 0;
        out.flush();
    }

    @Override
    public void trainingFinished(TrainingFinished event) {
        String time = duration((clock.getAsLong() - trainingStart) / 1e9);
        boolean resumed = firstEpoch > 1 && event.epochsRun() >= firstEpoch;
        out.println(resumed ? String.format(Locale.ROOT, "%s (resumed: epochs %d-%d in %s)", event.message(), firstEpoch,
                event.epochsRun(), time) : String.format(Locale.ROOT, "%s in %s", event.message(), time));
        out.flush();
    }

    private String lastMetrics() {
        EpochRecord last = metrics == null ? null : metrics.history().last();
        if (last == null) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        append(s, "train cost", last.trainCost());
        append(s, "train accuracy", last.trainAccuracy());
        append(s, evaluation + " cost", last.testCost());
        append(s, evaluation + " accuracy", last.testAccuracy());
        return s.toString();
    }

    private static void append(StringBuilder s, String name, double value) {
        if (!Double.isNaN(value)) {
            s.append(s.length() == 0 ? " | " : ", ").append(name).append(' ')
                    .append(String.format(Locale.ROOT, "%.4f", value));
        }
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%dh%02dm%02ds", s / 3600, s / 60 % 60, s % 60);
        }
        return s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
