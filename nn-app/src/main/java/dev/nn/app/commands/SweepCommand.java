package dev.nn.app.commands;

import dev.nn.app.cli.AppContextSource;
import dev.nn.app.cli.AppContext;
import dev.nn.app.cli.IntListConverter;
import dev.nn.app.cli.ParallelOption;
import dev.nn.app.cli.RunDirectory;
import dev.nn.run.UsageException;
import dev.nn.run.options.TrainingOptions;
import dev.nn.sweep.Halving;
import dev.nn.sweep.Sweep;
import dev.nn.sweep.SweepEngine;
import dev.nn.sweep.SweepSpec;
import dev.nn.sweep.Trial;
import dev.nn.sweep.TrialResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code nn sweep}: {@code nn train} over a grid of flags and seeds, trials in parallel in this
 * process, each an ordinary run directory under {@code DIR/trials/}; a journal makes the sweep
 * resumable (running it again finishes it) and {@code results.csv} and {@code summary.md} compare
 * the trials.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Run nn train over a grid of flags and seeds, in parallel; writes DIR/trials/<trial>/,"
                + " journal.jsonl, results.csv and summary.md. Running the same sweep again finishes it."
                + " Flags after -- are the base of every trial.")
public final class SweepCommand implements Callable<Integer> {

    @ParentCommand
    AppContextSource parent;

    @Option(names = "--out", paramLabel = "DIR", description = "The sweep's directory.")
    Path out;

    @Option(names = "--summary", paramLabel = "DIR", description = "Print the summary of the sweep in DIR (running or"
            + " not) and rewrite its results.csv and summary.md from the journal; runs nothing.")
    Path summary;

    @Option(names = "--grid", paramLabel = "NAME=V1,V2,...", description = "An axis of the grid: an nn train flag"
            + " name and its values (repeatable; the first axis changes slowest). Values with commas are separated by"
            + " ';', as layers=784,30,10;784,100,10.")
    Map<String, String> grid = new LinkedHashMap<>();

    @Option(names = "--seeds", converter = IntListConverter.class, paramLabel = "S,S,...",
            description = "The seeds of every grid point (default: 1).")
    List<Integer> seeds;

    @Option(names = "--spec", paramLabel = "FILE", description = "Read the grid, seeds and base flags from FILE, in"
            + " the form DIR/sweep.json holds them, instead of --grid, --seeds and --; a spec file may add random"
            + " search: \"random\": {\"points\": N, \"seed\": S, \"ranges\": [{\"name\": \"eta\","
            + " \"log-uniform\": [0.05, 2]}, ...]} with uniform, log-uniform or choice ranges"
            + "; a grid axis may be named runs, each with its flags: {\"name\": \"output\", \"values\": [\"a\", ...],"
            + " \"flags\": {\"a\": [\"--cost\", \"quadratic\"], ...}} (see examples/sweeps/).")
    Path specFile;

    @Mixin
    ParallelOption parallel;

    @Option(names = "--resume", description = "Finish the sweep in --out with the spec it holds (running the same"
            + " command again does the same).")
    boolean resume;

    @Option(names = "--max-failures", paramLabel = "K", defaultValue = "0", description = "Stop starting trials after"
            + " K failed trials in a row; running trials finish (default: ${DEFAULT-VALUE}, never stop).")
    int maxFailures;

    @Option(names = "--halving", arity = "0..1", fallbackValue = "3", paramLabel = "RATE", description = "Successive"
            + " halving: every trial runs a first rung of epochs, the best 1/RATE by test accuracy go on to the next"
            + " rung, RATE times longer, up to the trials' --epochs (RATE: 3 when not given). Each rung's decisions"
            + " go to the journal.")
    Integer halving;

    @Option(names = "--asha", arity = "0..1", fallbackValue = "3", paramLabel = "RATE", description = "Asynchronous"
            + " successive halving: the rungs of --halving, but a trial goes on as soon as it ranks in the best 1/RATE"
            + " of its rung's results so far, and a free worker starts a new trial instead of waiting for a rung to end"
            + " (RATE: 3 when not given). Every promotion goes to the journal.")
    Integer asha;

    @Option(names = "--max-trials", paramLabel = "N", description = "With --asha: start at most N trials, the first N"
            + " of the sweep's order (default: all of them).")
    Integer maxTrials;

    @Option(names = "--fastest", description = "With --asha: decide on each rung's results in the order they"
            + " finish, so no worker waits; results then depend on timing (a resumed sweep replays the journal's"
            + " decisions). The default, --reproducible, decides in trial order: the same results at any --parallel"
            + " and on Spark.")
    boolean fastest;

    @Option(names = "--reproducible", description = "With --asha (the default): decide on each rung's results in"
            + " trial order, waiting only where that order demands, so results are the same at any --parallel and"
            + " on Spark.")
    boolean reproducible;

    @Option(names = "--retry-failed", description = "Run the failed trials again (a resumed sweep otherwise keeps"
            + " them failed); their failed runs stay in the journal, marked as retried.")
    boolean retryFailed;

    @Option(names = "--repeats", paramLabel = "K", description = "Run every point K times, with the seeds S, S+1,"
            + " ..., S+K-1 derived from --seeds S (default 1); summary.md gives each point's mean and spread.")
    Integer repeats;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "local", description = "Where the trials run:"
            + " local (threads of this process, the default) or spark (one Spark job per trial run, as many at once as Spark has slots; needs nn-spark, which"
            + " ./nn builds on first use).")
    String engine;

    @Option(names = "--master", paramLabel = "URL", description = "With --engine spark: the Spark master, such as"
            + " 'local[2]', spark://host:7077, yarn or k8s://https://host:443 (default: Spark's, or local[*]).")
    String master;

    @Parameters(paramLabel = "-- FLAGS", description = "nn train flags every trial shares, after --.")
    List<String> base = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        AppContext ctx = parent.context();
        // the program's own flags may follow -- too; they are nn's (Main reads them), not the trials'
        base.removeIf(flag -> flag.equals("--quiet") || flag.equals("--verbose"));
        if (summary != null) {
            if (out != null || !grid.isEmpty() || seeds != null || specFile != null || !base.isEmpty()) {
                throw new UsageException("--summary DIR runs nothing: give it alone");
            }
            try {
                ctx.out().print(Sweep.summarize(summary));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--summary: " + e.getMessage());
            }
            return 0;
        }
        if (out == null) {
            throw new UsageException("missing --out DIR, the sweep's directory (or --summary DIR)");
        }
        SweepSpec spec = spec();
        SweepEngine remote = engine();
        int workers = parallel.workers();
        RunDirectory.check(out);
        TrainingOptions shared = TrainingOptions.parse(spec.base());
        Path dataDir = ctx.mnistDir(shared.data);
        RunDirectory.prepare(out);
        // one process at a time drives a sweep: a second would run the same trials beside it
        List<TrialResult> results = new SweepDriver(ctx, "nn sweep", spec, out, dataDir).run(workers, remote, master,
                retryFailed, maxFailures, "");
        if (results == null) {
            return 130;
        }
        long failed = results.stream().filter(r -> !r.ok()).count();
        ctx.out().println(String.format(Locale.ROOT, "%d trials: %d ok, %d failed; wrote results.csv, summary.md and"
                + " test-accuracy.png to %s", results.size(), results.size() - failed, failed, out));
        return 0;
    }

    /** The engine of --engine: null for local, else the one the class path provides. */
    private SweepEngine engine() {
        if (engine.equals("local")) {
            if (master != null) {
                throw new UsageException("--master is for --engine spark; the local engine runs on this machine");
            }
            return null;
        }
        List<String> found = new ArrayList<>();
        for (SweepEngine e : java.util.ServiceLoader.load(SweepEngine.class)) {
            if (e.id().equals(engine)) {
                return e;
            }
            found.add(e.id());
        }
        throw new UsageException("--engine " + engine + ": " + (engine.equals("spark")
                ? "the Spark engine is not on the class path; ./nn builds and adds it (nn-spark) when given"
                        + " --engine spark, or see the README's spark-submit command"
                : "unknown; expected local" + (found.isEmpty() ? "" : " or " + String.join(", ", found))));
    }

    /**
     * The spec of the flags, or with --resume and no grid, the one the directory holds; with halving,
     * its rungs worked out from the trials and their epochs.
     */
    private SweepSpec spec() throws java.io.IOException {
        SweepSpec spec = withAsha(flagsOrFile());
        int epochs = TrainingOptions.parse(spec.base()).epochs;
        if (spec.asha() != null && spec.asha().rungs().isEmpty()) {
            try {
                return spec.withAsha(spec.asha().withRungsFor(epochs));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--asha: " + e.getMessage());
            }
        }
        if (spec.halving() == null || !spec.halving().rungs().isEmpty()) {
            return spec;
        }
        try {
            return spec.withHalving(Halving.of(spec.halving().rate(), spec.trials().size(), epochs));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--halving: " + e.getMessage());
        }
    }

    /** The spec with the ASHA of --asha, --max-trials and --fastest, which may be given beside --spec. */
    private SweepSpec withAsha(SweepSpec spec) {
        if (asha == null) {
            if (maxTrials != null || fastest || reproducible) {
                throw new UsageException((maxTrials != null ? "--max-trials" : fastest ? "--fastest" : "--reproducible")
                        + " is for --asha");
            }
            return spec;
        }
        if (fastest && reproducible) {
            throw new UsageException("--fastest and --reproducible are the two modes of --asha: give one");
        }
        if (asha < 2) {
            throw new UsageException("--asha " + asha + ": expected a reduction factor of at least 2 (3 when not given)");
        }
        if (halving != null) {
            throw new UsageException("--halving and --asha are two ways to stop trials early: give one");
        }
        if (spec.asha() != null || spec.halving() != null) {
            throw new UsageException("--asha: the spec already stops trials early (" + (spec.asha() != null ? "asha"
                    : "halving") + " in it); give one");
        }
        if (maxTrials != null && maxTrials < 1) {
            throw new UsageException("--max-trials " + maxTrials + ": expected a whole number >= 1");
        }
        try {
            return spec.withAsha(new dev.nn.sweep.Asha(asha, List.of(), maxTrials == null ? 0 : maxTrials,
                    fastest ? dev.nn.sweep.Asha.Mode.FASTEST : dev.nn.sweep.Asha.Mode.REPRODUCIBLE));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private SweepSpec flagsOrFile() throws java.io.IOException {
        if (specFile != null) {
            if (!grid.isEmpty() || seeds != null || !base.isEmpty() || halving != null || repeats != null) {
                throw new UsageException("--spec " + specFile + " says the grid, the seeds, the base flags and the"
                        + " halving; give --grid, --seeds, --repeats, --halving and -- flags in it, not beside it");
            }
            String notAFile = dev.nn.core.io.PathKind.notAFile(specFile);
            if (notAFile != null) {
                throw new UsageException("--spec " + specFile + ": " + notAFile + ", not a sweep spec");
            }
            SweepSpec spec;
            try {
                spec = SweepSpec.read(specFile);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--spec " + e.getMessage());
            }
            return checked(spec);
        }
        if (resume && grid.isEmpty() && base.isEmpty() && halving == null && asha == null && repeats == null) {
            try {
                return Sweep.specIn(out);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--resume: " + e.getMessage());
            }
        }
        if (halving != null && halving < 2) {
            throw new UsageException("--halving " + halving + ": expected a reduction factor of at least 2 (3 when"
                    + " not given)");
        }
        List<Long> seedList = seeds == null ? List.of(1L) : seeds.stream().map(Integer::longValue).toList();
        if (repeats != null) {
            if (seedList.size() != 1) {
                throw new UsageException("--repeats " + repeats + " derives the seeds from one first seed: give --seeds"
                        + " S with one seed, or --seeds alone");
            }
            try {
                seedList = SweepSpec.repeats(seedList.get(0), repeats);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        try {
            List<SweepSpec.Axis> axes = new ArrayList<>();
            // values that hold commas themselves (--grid layers=784,30,10;784,100,10) are separated by ';'
            grid.forEach((name, values) -> axes.add(new SweepSpec.Axis(name, List.of(values.split(values.contains(";")
                    ? ";" : ",")))));
            return checked(new SweepSpec(axes, null, seedList, base, halving == null ? null
                    : new Halving(halving, List.of())));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** Checks that every trial's flags are nn train's. */
    private static SweepSpec checked(SweepSpec spec) {
        // flags a trial could not honour are refused, not ignored
        if (spec.names().contains("data")) {
            throw new UsageException("data is not a flag to sweep: every trial trains on the sweep's MNIST, loaded"
                    + " once; give --data after --, or run a sweep per data set");
        }
        if (spec.names().contains("threads") || spec.base().stream().anyMatch(f -> f.equals("--threads")
                || f.startsWith("--threads="))) {
            throw new UsageException("--threads is not a trial's flag: each trial runs on one thread; --parallel N"
                    + " sets how many run at once");
        }
        for (Trial t : spec.trials()) {
            try {
                TrainingOptions.parse(t.args());
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            } catch (picocli.CommandLine.ParameterException e) {
                String hint = spec.grid().stream().anyMatch(a -> a.name().equals("layers")) ? "; a grid of layer sizes puts ';'"
                        + " between its values: --grid \"layers=784,30,10;784,100,10\"" : "";
                throw new UsageException("trial " + t.name() + ": " + dev.nn.app.cli.ErrorHandler.parseError(e,
                        t.args().toArray(String[]::new)) + hint);
            }
        }
        return spec;
    }
}
