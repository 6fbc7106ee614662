package dev.nn.app.commands;

import dev.nn.run.RunLayout;
import dev.nn.app.cli.AppContextSource;
import dev.nn.app.cli.AppContext;
import dev.nn.run.options.ThreadsOption;
import dev.nn.app.cli.RunDirectory;
import dev.nn.run.Interrupts;
import dev.nn.app.cli.TimeLeft;
import dev.nn.run.KeptRuns;
import dev.nn.run.CheckpointFile;
import dev.nn.run.ResumableRun;
import dev.nn.run.RunFiles;
import dev.nn.run.SeedRun;
import dev.nn.run.RunSpec;
import dev.nn.run.TrainingRun;
import dev.nn.data.mnist.Mnist;
import dev.nn.monitor.History;
import dev.nn.monitor.RegularizationLabel;
import dev.nn.monitor.SpikeDetector;
import dev.nn.plot.HistoryCharts;
import dev.nn.train.StopReason;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code nn demo}: the overfitting experiment of NNDL chapter 3 as the seed ran it: 784-30-10 on
 * the first 1000 training images, 400 epochs, batch 10, eta 0.5, without regularization, with L2
 * (lambda 0.2) and with L1 (lambda 0.2), and the same L1 as a proximal step ({@code l1-prox}).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "The overfitting experiment as the seed ran it: 784-30-10 trained on 1000 images for 400 epochs"
                + " without regularization, with L2, with L1 and with proximal L1; writes each run and a comparison"
                + " figure.")
public final class DemoCommand implements Callable<Integer> {

    @ParentCommand
    AppContextSource parent;

    @Option(names = "--epochs", defaultValue = "400", description = "Epochs per run (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--l2", defaultValue = "0.2", description = "L2 lambda of the second run (default: ${DEFAULT-VALUE}).")
    double l2;

    @Option(names = "--l1", defaultValue = "0.2", description = "L1 lambda of the third run (default: ${DEFAULT-VALUE}).")
    double l1;

    @Option(names = "--l1-prox", defaultValue = "0.2", description = "Proximal L1 lambda of the fourth run"
            + " (default: ${DEFAULT-VALUE}).")
    double l1Prox;

    @Option(names = "--seed", defaultValue = "3", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    ThreadsOption threads;

    @Option(names = "--data", paramLabel = "DIR", description = "Directory with the MNIST files.")
    Path data;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs/demo",
            description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out;

    /** The runs this process trains (not those kept from before), for the time left. */
    private int trainedHere;

    @Option(names = "--force", description = "Replace runs in --out that were made with other flags (without it they"
            + " are kept and the demo is refused).")
    boolean force;

    @Override
    public Integer call() throws Exception {
        AppContext ctx = parent.context();
        // l1, l2, l1-prox lambdas of each run
        double[][] penalties = {{0, 0, 0}, {0, l2, 0}, {l1, 0, 0}, {0, 0, l1Prox}};
        String[] names = {"none", "l2", "l1", "l1-prox"};
        List<TrainingRun> runs = new ArrayList<>();
        for (double[] p : penalties) {
            runs.add(new TrainingRun(spec(p[0], p[1], p[2]), threads.count(), data, ctx.registry()).validate());
        }
        for (int i = 0; i < runs.size(); i++) {
            KeptRuns.refuseToReplace(out.resolve(names[i]), SeedRun.args(runs.get(i).spec()), force, "demo");
        }
        RunDirectory.check(out);
        Path dataDir = ctx.mnistDir(data);
        Path dir = RunDirectory.prepare(out);
        Mnist mnist = Mnist.load(dataDir);
        List<History> histories = new ArrayList<>();
        TimeLeft timeLeft = new TimeLeft();
        try (Interrupts interrupts = ctx.interrupts()) {
            for (int i = 0; i < runs.size(); i++) {
                History history = runOrKeep(ctx, i, names[i], runs.get(i), dir.resolve(names[i]), mnist, dataDir,
                        interrupts);
                if (history == null) {
                    return 130;
                }
                histories.add(history);
                if (i + 1 < runs.size()) {
                    ctx.note(String.format(Locale.ROOT, "demo: %d of %d runs done, %s left", i + 1, runs.size(),
                            timeLeft.after(trainedHere, runs.size() - i - 1)));
                }
            }
        }
        HistoryCharts.comparison(histories).save(dir, "comparison");
        ctx.out().println(String.format(Locale.ROOT, "%-22s %14s %14s %14s %7s", "run", "train accuracy",
                "test accuracy", "best test", "spikes"));
        for (History h : histories) {
            double best = Arrays.stream(h.testAccuracy()).max().orElse(Double.NaN);
            ctx.out().println(String.format(Locale.ROOT, "%-22s %14.4f %14.4f %14.4f %7d", h.label(),
                    h.last().trainAccuracy(), h.last().testAccuracy(), best,
                    SpikeDetector.DEFAULT.find(h.testAccuracy()).size()));
        }
        ctx.out().println("wrote " + String.join("/, ", names) + "/ and comparison.png, comparison.svg to " + dir);
        return 0;
    }

    /**
     * Runs one of the demo's runs, or keeps it: a run whose directory holds its finished files (of
     * the same flags) is kept; one that holds a checkpoint of the same flags is resumed; any other
     * starts anew.
     *
     * @return the run's history, or null if a signal stopped it (it is then saved)
     */
    private History runOrKeep(AppContext ctx, int i, String name, TrainingRun run, Path runDir, Mnist mnist,
            Path dataDir, Interrupts interrupts) throws IOException {
        List<String> args = SeedRun.args(run.spec());
        String label = RegularizationLabel.of(run.config().regularizations());
        if (RunFiles.finished(runDir, args)) {
            ctx.note("run " + (i + 1) + " of 4: " + label + ": finished before, kept");
            return RunLayout.history(runDir);
        }
        CheckpointFile.Saved from = null;
        if (RunLayout.unfinished(runDir)) {
            CheckpointFile.Saved saved = CheckpointFile.read(runDir);
            from = saved.isOf(run.spec(), args) ? saved : null;
        }
        ctx.note("run " + (i + 1) + " of 4: " + label + (from != null ? ": resumed after epoch " + from.epochsDone()
                : ""));
        RunDirectory.prepare(runDir);
        trainedHere++;
        TrainingRun.Outcome outcome = ResumableRun.train(run, runDir, args, from, mnist, dataDir, label,
                ctx.progress(), interrupts, where -> "nn demo: stopped in run " + name + " " + where
                        + "; finished runs are kept. Run the same nn demo again to continue.");
        return outcome.result().reason() == StopReason.INTERRUPTED ? null : outcome.history();
    }

    /** The L1 runs record their weights, for the figure of their spikes (weights.png). */
    private RunSpec spec(double lambda1, double lambda2, double lambdaProx) {
        return SeedRun.spec(seed, epochs, 0.5, lambda1, lambda2, lambdaProx, lambda1 != 0 || lambdaProx != 0);
    }
}
