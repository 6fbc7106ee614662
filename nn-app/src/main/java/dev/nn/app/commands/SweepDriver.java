package dev.nn.app.commands;

import dev.nn.app.cli.AppContext;
import dev.nn.app.cli.RunDirectory;
import dev.nn.data.mnist.Mnist;
import dev.nn.run.Interrupts;
import dev.nn.run.RunLayout;
import dev.nn.run.RunLock;
import dev.nn.run.RunSpec;
import dev.nn.run.TrainingRun;
import dev.nn.run.UsageException;
import dev.nn.run.trials.NamedRuns;
import dev.nn.run.trials.SweepFigures;
import dev.nn.run.trials.TrainTrials;
import dev.nn.sweep.Sweep;
import dev.nn.sweep.SweepEngine;
import dev.nn.sweep.SweepLayout;
import dev.nn.sweep.SweepSpec;
import dev.nn.sweep.Trial;
import dev.nn.sweep.TrialResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs a sweep in its directory for {@code nn sweep} and for the sweep presets ({@code nn demo},
 * {@code nn study}): the directory's lock, MNIST loaded once, the trials in this process or on an
 * engine, the progress line, results.csv, summary.md and the figures. The directory has been checked
 * and created.
 */
final class SweepDriver {

    private final AppContext ctx;
    private final String command;
    private final SweepSpec spec;
    private final Path out;
    private final Path dataDir;

    /** The sweep of {@code spec} in {@code out} on the MNIST of {@code dataDir}, for {@code command} ("nn demo"). */
    SweepDriver(AppContext ctx, String command, SweepSpec spec, Path out, Path dataDir) {
        this.ctx = ctx;
        this.command = command;
        this.spec = spec;
        this.out = out;
        this.dataDir = dataDir;
    }

    /**
     * Runs a sweep preset ({@code nn demo}, {@code nn study}): the named runs as a sweep over
     * {@code axis} and {@code seeds} (see {@link NamedRuns}), each run's settings checked before
     * anything is written, in {@code out} (checked, then created; with {@code force}, a preset of other
     * settings there is replaced), resumed where an earlier one stopped.
     *
     * @return the sweep, or null if it was stopped before its end
     */
    static SweepSpec runPreset(AppContext ctx, String command, String axis, Map<String, RunSpec> runs,
            List<Long> seeds, Path data, Path out, boolean force, int workers) throws Exception {
        SweepSpec spec;
        try {
            for (RunSpec run : runs.values()) {
                new TrainingRun(run, 1, data, ctx.registry()).validate();
            }
            spec = NamedRuns.sweep(axis, runs, seeds);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        RunDirectory.check(out);
        Path dataDir = ctx.mnistDir(data);
        RunDirectory.prepare(out);
        SweepDriver driver = new SweepDriver(ctx, command, spec, out, dataDir);
        if (force) {
            driver.replaceOther();
        }
        return driver.run(workers, null, null, false, 0, ", or add --force to replace it") == null ? null : spec;
    }

    /**
     * Makes way, for a preset run with {@code --force}, for its sweep in a directory that holds a
     * preset's sweep of other settings: forgets that sweep (its spec and journal) and removes its trial
     * directories that this sweep does not have. Other files stay, and trials of the same name start
     * anew (a checkpoint of other flags is not resumed).
     */
    void replaceOther() throws IOException {
        Path saved = out.resolve(SweepLayout.SPEC);
        if (!Files.isRegularFile(saved)) {
            return;
        }
        SweepSpec before;
        try {
            before = Sweep.specIn(out);
        } catch (IllegalArgumentException e) {
            before = null; // not a spec: replaced as --force asks
        }
        if (before != null && before.differenceFrom(spec) == null) {
            return;
        }
        Set<String> names = spec.trials().stream().map(Trial::name).collect(Collectors.toSet());
        Path trials = out.resolve(SweepLayout.TRIALS);
        if (Files.isDirectory(trials)) {
            try (var dirs = Files.list(trials)) {
                for (Path dir : dirs.toList()) {
                    if (!names.contains(dir.getFileName().toString()) && RunLayout.isRun(dir)) {
                        RunLayout.removeEarlierRun(dir);
                        try (var left = Files.list(dir)) {
                            if (left.findAny().isEmpty()) {
                                Files.delete(dir);
                            }
                        }
                    }
                }
            }
        }
        Files.deleteIfExists(out.resolve(SweepLayout.JOURNAL));
        Files.delete(saved);
    }

    /**
     * Runs the trials the journal lacks, {@code workers} at a time here or as many as {@code remote}
     * has slots, and draws the sweep's figures.
     *
     * @param remote the engine's session, or null to run here
     * @param hint what to do about a directory that holds another sweep, after the difference
     * @return every trial's result, or null if a signal stopped the sweep (the hook has said how to go on)
     * @throws IllegalStateException if {@code maxFailures} failures in a row stopped it, or every trial failed
     */
    @SuppressWarnings("try") // the sweep's lock is held for the block it opens, not used in it
    List<TrialResult> run(int workers, SweepEngine remote, String master, boolean retryFailed, int maxFailures,
            String hint) throws Exception {
        try (RunLock lock = RunLock.take(out)) {
            Mnist mnist = Mnist.load(dataDir);
            int total = spec.trials().size();
            String rungs = spec.rungs().isEmpty() ? "" : String.format(Locale.ROOT, " in rungs of %s epochs (%s)",
                    spec.rungs().stream().map(String::valueOf).collect(Collectors.joining(", ")),
                    spec.asha() != null ? String.format(Locale.ROOT, "asynchronous successive halving, reduction"
                            + " factor %d, %s", spec.asha().rate(), spec.asha().mode().id())
                            : "successive halving, reduction factor " + spec.halving().rate());
            List<TrialResult> results;
            try (Interrupts interrupts = ctx.interrupts();
                    SweepEngine.Session session = remote == null ? null
                            : remote.start(master, out.toAbsolutePath(), new SweepEngine.TrialData(dataDir, mnist))) {
                if (session != null) {
                    ctx.note(session.describe());
                }
                SweepProgress progress = new SweepProgress(ctx, command.substring(command.indexOf(' ') + 1), total, spec.asha() != null ? spec.asha().asHalving()
                        : spec.halving());
                // on an engine, as many trials at once as it has slots: each is one job of one task
                int atOnce = session != null && session.slots() > 0 ? session.slots() : workers;
                Sweep sweep = new Sweep(spec, out, TrainTrials.of(ctx.registry(), mnist, dataDir, interrupts,
                        command), atOnce, progress, interrupts::requested).retryFailed(retryFailed);
                if (session != null) {
                    sweep.runningOn(session);
                    // the trials run in the engine's tasks, not here: a signal ends the driver at once
                    interrupts.saved(command + ": stopped; the finished trials are in the journal and the unfinished"
                            + " ones keep their checkpoints. Run the same " + command + " again to continue.");
                }
                try {
                    sweep.stopAfterFailures(maxFailures).prepare();
                } catch (IllegalArgumentException e) {
                    throw new UsageException(e.getMessage() + hint);
                }
                ctx.note(total + " trials" + rungs + (remote == null ? ", " + workers + " at a time" : ""));
                progress.startingFrom(sweep.finished());
                try {
                    results = sweep.run();
                } catch (IOException | RuntimeException e) {
                    if (interrupts.requested()) {
                        return null;
                    }
                    throw e;
                }
                if (interrupts.requested()) {
                    return null;
                }
                SweepFigures.draw(spec, out, results);
                if (sweep.stoppedByFailures()) {
                    throw new IllegalStateException(String.format(Locale.ROOT, "stopped after %d failed trials in a"
                            + " row (--max-failures %d); %d of %d trials done, in results.csv; run the same command"
                            + " again to run the rest", maxFailures, maxFailures, results.size(), total));
                }
            }
            long failed = results.stream().filter(r -> !r.ok()).count();
            if (failed > 0 && failed == results.size()) {
                // nothing trained: a sweep of failures is not a success, whatever results.csv holds
                throw new IllegalStateException(String.format(Locale.ROOT, "every one of the %d trials failed (the"
                        + " first: %s); results.csv and summary.md in %s list them", failed, results.get(0).reason(),
                        out));
            }
            return results;
        }
    }
}
