package dev.nn.app.commands;

import dev.nn.app.cli.AppContext;
import dev.nn.app.cli.AppContextSource;
import dev.nn.app.cli.IntListConverter;
import dev.nn.app.cli.ParallelOption;
import dev.nn.app.run.L1SpikesReport;
import dev.nn.core.io.AtomicFiles;
import dev.nn.monitor.WeightStatsFiles;
import dev.nn.run.RunLayout;
import dev.nn.run.SeedRun;
import dev.nn.run.UsageException;
import dev.nn.run.RunSpec;
import dev.nn.sweep.SweepLayout;
import dev.nn.sweep.SweepSpec;
import dev.nn.sweep.Trial;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code nn study l1-spikes}: the seed's L1 question in one command. The seed's L1 run, the same
 * with the proximal L1, and the seed's L1 with half the learning rate and with a quarter of the
 * lambda, each for several seeds, run side by side on the cores; then a report of their spikes and
 * of what their weights did. A sweep preset: the variants are a sweep's named runs, in
 * {@code DIR/trials/}, run by {@link SweepDriver} as {@code nn sweep} runs its trials.
 */
@Command(name = "study", mixinStandardHelpOptions = true,
        description = "Run a study and write its report. l1-spikes: the seed's L1 run (eta 0.5, lambda 0.2), the same"
                + " with proximal L1, and L1 at eta 0.25 and at lambda 0.05, for each seed, in parallel, as a sweep;"
                + " writes every run (DIR/trials/VARIANT-seed=S), their weights.png and report.md. Running it again"
                + " finishes it.")
public final class StudyCommand implements Callable<Integer> {

    /** One variant of the study: how it trains. */
    private record Variant(String name, String description, double eta, double l1, double l1Prox) {
    }

    private static final List<Variant> L1_SPIKES = List.of(
            new Variant("l1", "eta 0.5, L1 0.2", 0.5, 0.2, 0),
            new Variant("l1-prox", "eta 0.5, l1-prox 0.2", 0.5, 0, 0.2),
            new Variant("l1-eta-0.25", "eta 0.25, L1 0.2", 0.25, 0.2, 0),
            new Variant("l1-lambda-0.05", "eta 0.5, L1 0.05", 0.5, 0.05, 0));

    @ParentCommand
    AppContextSource parent;

    @Parameters(index = "0", paramLabel = "NAME", description = "The study: l1-spikes.")
    String name;

    @Option(names = "--epochs", defaultValue = "400", description = "Epochs per run (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--seeds", converter = IntListConverter.class, defaultValue = "3,1,2", paramLabel = "S,S,...",
            description = "Seeds of each variant (default: ${DEFAULT-VALUE}).")
    List<Integer> seeds;

    @Mixin
    ParallelOption parallel;

    @Option(names = "--force", description = "Replace a study in --out that was run with other flags (without it the"
            + " study is refused there).")
    boolean force;

    @Option(names = "--data", paramLabel = "DIR", description = "Directory with the MNIST files.")
    Path data;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs/study-l1-spikes",
            description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws Exception {
        AppContext ctx = parent.context();
        if (!name.equals("l1-spikes")) {
            throw new UsageException("unknown study '" + name + "'; known studies: l1-spikes");
        }
        Map<String, RunSpec> runs = new LinkedHashMap<>();
        for (Variant v : L1_SPIKES) {
            runs.put(v.name(), SeedRun.spec(seeds.get(0), epochs, v.eta(), v.l1(), 0, v.l1Prox(), true));
        }
        SweepSpec spec = SweepDriver.runPreset(ctx, "nn study", "variant", runs,
                seeds.stream().map(Integer::longValue).toList(), data, out, force, parallel.workers());
        if (spec == null) {
            return 130;
        }
        List<L1SpikesReport.Run> results = new ArrayList<>();
        for (Trial trial : spec.trials()) {
            Variant v = L1_SPIKES.stream().filter(x -> x.name().equals(trial.point().get("variant"))).findFirst()
                    .orElseThrow();
            Path dir = SweepLayout.trial(out, trial.name());
            results.add(new L1SpikesReport.Run(v.name(), v.description(), trial.seed(), SweepLayout.TRIALS + "/"
                    + trial.name(), RunLayout.history(dir), WeightStatsFiles.read(dir.resolve(RunLayout.WEIGHTS))));
        }
        AtomicFiles.writeString(out.resolve("report.md"), L1SpikesReport.markdown(results, epochs));
        ctx.out().println("wrote " + results.size() + " runs and report.md to " + out);
        return 0;
    }
}
