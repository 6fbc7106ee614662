package dev.nn.app.commands;

import dev.nn.app.cli.AppContextSource;
import dev.nn.app.cli.AppContext;
import dev.nn.app.cli.IntListConverter;
import dev.nn.app.cli.ParallelOption;
import dev.nn.app.cli.RunDirectory;
import dev.nn.run.UsageException;
import dev.nn.app.run.L1SpikesReport;
import dev.nn.run.RunFiles;
import dev.nn.run.KeptRuns;
import dev.nn.run.SeedRun;
import dev.nn.run.RunSpec;
import dev.nn.run.TrainingRun;
import dev.nn.core.io.AtomicFiles;
import dev.nn.data.mnist.Mnist;
import dev.nn.monitor.RegularizationLabel;
import dev.nn.monitor.SpikeDetector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code nn study l1-spikes}: the seed's L1 question in one command. The seed's L1 run, the same
 * with the proximal L1, and the seed's L1 with half the learning rate and with a quarter of the
 * lambda, each for several seeds, run side by side on the cores; then a report of their spikes and
 * of what their weights did.
 */
@Command(name = "study", mixinStandardHelpOptions = true,
        description = "Run a study and write its report. l1-spikes: the seed's L1 run (eta 0.5, lambda 0.2), the same"
                + " with proximal L1, and L1 at eta 0.25 and at lambda 0.05, for each seed, in parallel; writes every"
                + " run, their weights.png and report.md.")
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

    @Option(names = "--force", description = "Replace runs in --out that were made with other flags (without it they"
            + " are kept and the study is refused).")
    boolean force;

    private dev.nn.app.cli.TimeLeft timeLeft;
    private int total;
    private final java.util.concurrent.atomic.AtomicInteger finished = new java.util.concurrent.atomic.AtomicInteger();

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
        int workers = parallel.workers();
        List<TrainingRun> runs = new ArrayList<>();
        List<Variant> variants = new ArrayList<>();
        for (Variant v : L1_SPIKES) {
            for (int seed : seeds) {
                RunSpec spec = SeedRun.spec(seed, epochs, v.eta(), v.l1(), 0, v.l1Prox(), true);
                runs.add(new TrainingRun(spec, 1, data, ctx.registry()).validate());
                variants.add(v);
            }
        }
        for (int i = 0; i < runs.size(); i++) {
            RunSpec spec = runs.get(i).spec();
            KeptRuns.refuseToReplace(out.resolve(L1SpikesReport.Run.directory(variants.get(i).name(), spec.seed())),
                    SeedRun.args(spec), force, "study");
        }
        RunDirectory.check(out);
        Path dataDir = ctx.mnistDir(data);
        Path dir = RunDirectory.prepare(out);
        Mnist mnist = Mnist.load(dataDir);
        ctx.note(String.format(Locale.ROOT, "%d runs of %d epochs, %d at a time", runs.size(), epochs, workers));
        timeLeft = new dev.nn.app.cli.TimeLeft();
        total = runs.size();
        List<L1SpikesReport.Run> results = runAll(ctx, mnist, dir, dataDir, runs, variants, workers);
        AtomicFiles.writeString(dir.resolve("report.md"), L1SpikesReport.markdown(results, epochs));
        ctx.out().println("wrote " + results.size() + " runs and report.md to " + dir);
        return 0;
    }

    private List<L1SpikesReport.Run> runAll(AppContext ctx, Mnist mnist, Path dir, Path dataDir,
            List<TrainingRun> runs, List<Variant> variants, int workers)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<L1SpikesReport.Run>> futures = new ArrayList<>();
            for (int i = 0; i < runs.size(); i++) {
                int index = i;
                futures.add(pool.submit(() -> runOne(ctx, mnist, dir, dataDir, runs.get(index),
                        variants.get(index))));
            }
            List<L1SpikesReport.Run> results = new ArrayList<>();
            for (Future<L1SpikesReport.Run> f : futures) {
                try {
                    results.add(f.get());
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private L1SpikesReport.Run runOne(AppContext ctx, Mnist mnist, Path dir, Path dataDir, TrainingRun run, Variant v)
            throws Exception {
        RunSpec o = run.spec();
        String label = RegularizationLabel.of(run.config().regularizations()) + ", eta " + o.eta();
        TrainingRun.Outcome outcome = run.train(mnist, label, null, List.of());
        L1SpikesReport.Run result = new L1SpikesReport.Run(v.name(), v.description(), o.seed(), outcome.history(),
                outcome.weightStats());
        Path runDir = RunDirectory.prepare(dir.resolve(result.directory()));
        RunFiles.write(runDir, "train", SeedRun.args(o), run, outcome, dataDir);
        int done = finished.incrementAndGet();
        ctx.note(String.format(Locale.ROOT, "study: %d/%d done, %s left: %s: %d spikes, final test accuracy %.4f", done,
                total, timeLeft.after(done, total - done), result.directory(),
                SpikeDetector.DEFAULT.find(outcome.history().testAccuracy()).size(),
                outcome.history().last().testAccuracy()));
        return result;
    }
}
