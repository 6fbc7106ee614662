package dev.nn.app.commands;

import dev.nn.app.cli.AppContext;
import dev.nn.app.cli.AppContextSource;
import dev.nn.monitor.History;
import dev.nn.monitor.SpikeDetector;
import dev.nn.plot.HistoryCharts;
import dev.nn.run.RunLayout;
import dev.nn.run.SeedRun;
import dev.nn.run.options.ThreadsOption;
import dev.nn.run.RunSpec;
import dev.nn.sweep.SweepLayout;
import dev.nn.sweep.SweepSpec;
import dev.nn.sweep.Trial;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code nn demo}: the overfitting experiment of NNDL chapter 3 as the seed ran it: 784-30-10 on
 * the first 1000 training images, 400 epochs, batch 10, eta 0.5, without regularization, with L2
 * (lambda 0.2) and with L1 (lambda 0.2), and the same L1 as a proximal step ({@code l1-prox}). A
 * sweep preset: the four runs are a sweep's named runs, in {@code DIR/trials/}, run by {@link SweepDriver}
 * as {@code nn sweep} runs its trials (resumed by running it again, one thread each, several at once).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "The overfitting experiment as the seed ran it: 784-30-10 trained on 1000 images for 400 epochs"
                + " without regularization, with L2, with L1 and with proximal L1, as a sweep (DIR/trials/none, l2, l1,"
                + " l1-prox; several at once, one thread each); writes each run and a comparison figure. Running it"
                + " again finishes it.")
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

    @Option(names = "--force", description = "Replace a demo in --out that was run with other flags (without it the"
            + " demo is refused there).")
    boolean force;

    @Override
    public Integer call() throws Exception {
        AppContext ctx = parent.context();
        Map<String, RunSpec> runs = new LinkedHashMap<>();
        runs.put("none", SeedRun.spec(seed, epochs, 0.5, 0, 0, 0, false));
        runs.put("l2", SeedRun.spec(seed, epochs, 0.5, 0, l2, 0, false));
        // the L1 runs record their weights, for the figure of their spikes (weights.png)
        runs.put("l1", SeedRun.spec(seed, epochs, 0.5, l1, 0, 0, true));
        runs.put("l1-prox", SeedRun.spec(seed, epochs, 0.5, 0, 0, l1Prox, true));
        SweepSpec spec = SweepDriver.runPreset(ctx, "nn demo", "regularization", runs, List.of(seed), data, out,
                force, threads.count());
        if (spec == null) {
            return 130;
        }
        List<History> histories = new ArrayList<>();
        for (Trial trial : spec.trials()) {
            histories.add(RunLayout.history(SweepLayout.trial(out, trial.name())));
        }
        HistoryCharts.comparison(histories).save(out, "comparison");
        ctx.out().println(String.format(Locale.ROOT, "%-22s %14s %14s %14s %7s", "run", "train accuracy",
                "test accuracy", "best test", "spikes"));
        for (History h : histories) {
            double best = Arrays.stream(h.testAccuracy()).max().orElse(Double.NaN);
            ctx.out().println(String.format(Locale.ROOT, "%-22s %14.4f %14.4f %14.4f %7d", h.label(),
                    h.last().trainAccuracy(), h.last().testAccuracy(), best,
                    SpikeDetector.DEFAULT.find(h.testAccuracy()).size()));
        }
        ctx.out().println("wrote trials/" + String.join("/, trials/", runs.keySet()) + "/, comparison.png,"
                + " comparison.svg and the sweep's results.csv, summary.md to " + out);
        return 0;
    }
}
