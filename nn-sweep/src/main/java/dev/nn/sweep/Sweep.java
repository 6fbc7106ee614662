package dev.nn.sweep;

import dev.nn.core.io.AtomicFiles;
import dev.nn.monitor.History;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Runs a sweep in a directory: {@code sweep.json} (the spec), {@code trials/<name>/} (one run
 * directory per trial), {@code journal.jsonl} (every finished trial), {@code results.csv} and
 * {@code summary.md}. Trials already in the journal are skipped, so running the same sweep again
 * finishes it; a different spec in the same directory is refused. A failing trial is recorded as
 * {@code failed} with its reason and the others go on, unless {@link #stopAfterFailures} says how
 * many failures in a row end the sweep.
 */
public final class Sweep {

    private final SweepSpec spec;
    private final Path dir;
    private final TrialRunner runner;
    private final int parallel;
    private final SweepListener listener;
    private final BooleanSupplier stop;
    private int maxFailures;
    private final AtomicInteger failuresInARow = new AtomicInteger();
    private volatile boolean stoppedByFailures;

    /**
     * Creates the sweep.
     *
     * @param parallel trials at once, each on one thread
     * @param stop true when no more trials should start (Ctrl-C)
     */
    public Sweep(SweepSpec spec, Path dir, TrialRunner runner, int parallel, SweepListener listener,
            BooleanSupplier stop) {
        if (parallel < 1) {
            throw new IllegalArgumentException("--parallel must be >= 1, got " + parallel);
        }
        this.spec = spec;
        this.dir = dir;
        this.runner = runner;
        this.parallel = parallel;
        this.listener = listener;
        this.stop = stop;
    }

    /**
     * Stops starting trials after this many failures in a row (in the order trials finish); running
     * trials still finish and are recorded. 0, the default, never stops.
     *
     * @return this sweep
     */
    public Sweep stopAfterFailures(int failures) {
        if (failures < 0) {
            throw new IllegalArgumentException("--max-failures must be >= 0, got " + failures);
        }
        this.maxFailures = failures;
        return this;
    }

    /** Returns whether the last run left trials unstarted because of {@link #stopAfterFailures}. */
    public boolean stoppedByFailures() {
        return stoppedByFailures;
    }

    /**
     * Checks the directory's spec, writing it for a new sweep.
     *
     * @throws IllegalArgumentException showing the difference if the directory holds another sweep
     */
    public void prepare() throws IOException {
        Files.createDirectories(dir.resolve("trials"));
        Path saved = dir.resolve("sweep.json");
        if (Files.exists(saved)) {
            String difference = specIn(dir).differenceFrom(spec);
            if (difference != null) {
                throw new IllegalArgumentException(dir + " holds another sweep: " + difference + "; use another --out");
            }
        } else {
            AtomicFiles.writeString(saved, spec.toJson());
        }
    }

    /**
     * Returns the spec of the sweep in {@code dir}, from its {@code sweep.json}.
     *
     * @throws IllegalArgumentException if the directory holds no sweep, or naming the file and field
     *     if sweep.json is not a spec
     */
    public static SweepSpec specIn(Path dir) throws IOException {
        Path saved = dir.resolve("sweep.json");
        if (!Files.isRegularFile(saved)) {
            throw new IllegalArgumentException(dir + " holds no sweep (no sweep.json)");
        }
        try {
            return SweepSpec.fromJson(Files.readString(saved));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(saved + ": " + e.getMessage(), e);
        }
    }

    /** Returns the trials the journal holds as finished, ok or failed, in the order they finished. */
    public List<TrialResult> finished() throws IOException {
        return List.copyOf(new Journal(dir.resolve("journal.jsonl")).read().values());
    }

    /**
     * Runs the trials the journal lacks and writes results.csv and summary.md.
     *
     * @return every trial's result so far, in the sweep's order; fewer than the trials if stopped
     */
    public List<TrialResult> run() throws IOException, InterruptedException {
        prepare();
        stoppedByFailures = false;
        failuresInARow.set(0);
        Journal journal = new Journal(dir.resolve("journal.jsonl"));
        Map<String, TrialResult> done = new ConcurrentHashMap<>(journal.read());
        List<Trial> trials = spec.trials();
        AtomicInteger finished = new AtomicInteger(done.size());
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Trial trial : trials) {
                if (!done.containsKey(trial.name())) {
                    futures.add(pool.submit(() -> {
                        runTrial(trial, journal, done, finished, trials.size());
                        return null;
                    }));
                }
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    throw new IOException("the sweep's journal: " + e.getCause().getMessage(), e.getCause());
                }
            }
        } finally {
            pool.shutdown();
        }
        return writeResults(spec, dir, done);
    }

    /**
     * Writes results.csv and summary.md of the sweep in {@code dir} from its journal, as far as it
     * got (also while it runs), without running anything.
     *
     * @return the summary
     * @throws IllegalArgumentException if the directory holds no sweep
     */
    public static String summarize(Path dir) throws IOException {
        writeResults(specIn(dir), dir, new Journal(dir.resolve("journal.jsonl")).read());
        return Files.readString(dir.resolve("summary.md"));
    }

    private static List<TrialResult> writeResults(SweepSpec spec, Path dir, Map<String, TrialResult> done)
            throws IOException {
        List<Trial> trials = spec.trials();
        List<TrialResult> results = new ArrayList<>();
        for (Trial trial : trials) {
            TrialResult r = done.get(trial.name());
            if (r != null) {
                results.add(r);
            }
        }
        AtomicFiles.writeString(dir.resolve("results.csv"), Results.csv(spec, trials, results));
        AtomicFiles.writeString(dir.resolve("summary.md"), Results.summary(spec, trials, results));
        return results;
    }

    private void runTrial(Trial trial, Journal journal, Map<String, TrialResult> done, AtomicInteger finished,
            int total)
            throws IOException {
        if (stop.getAsBoolean()) {
            return;
        }
        if (maxFailures > 0 && failuresInARow.get() >= maxFailures) {
            stoppedByFailures = true;
            return;
        }
        listener.trialStarted(trial);
        long start = System.nanoTime();
        TrialResult result;
        try {
            History history = runner.run(trial, dir.resolve("trials").resolve(trial.name()));
            result = TrialResult.ok(trial.name(), history, (System.nanoTime() - start) / 1e9);
        } catch (TrialInterruptedException e) {
            return;
        } catch (Exception | StackOverflowError e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            result = TrialResult.failed(trial.name(), reason, (System.nanoTime() - start) / 1e9);
        }
        journal.append(result);
        done.put(trial.name(), result);
        if (result.ok()) {
            failuresInARow.set(0);
        } else {
            failuresInARow.incrementAndGet();
        }
        listener.trialFinished(trial, result, finished.incrementAndGet(), total);
    }
}
