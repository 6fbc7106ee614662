package dev.nn.sweep;

import dev.nn.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Runs a sweep in a directory: {@code sweep.json} (the spec), {@code trials/<name>/} (one run
 * directory per trial), {@code journal.jsonl} (every finished trial), {@code results.csv} and
 * {@code summary.md}. Trials already in the journal are skipped, so running the same sweep again
 * finishes it; a different spec in the same directory is refused. A failing trial is recorded as
 * {@code failed} with its reason and the others go on, unless {@link #stopAfterFailures} says how
 * many failures in a row end the sweep. With successive halving ({@link SweepSpec#halving}) the
 * trials run rung by rung and only the best of each rung go on; with ASHA ({@link SweepSpec#asha})
 * the rungs run side by side and a trial goes on as soon as its rung's results allow. Every decision
 * is in the journal, so a resumed sweep makes the same ones. {@link #retryFailed} runs failed trials
 * again.
 */
public final class Sweep {

    private final SweepSpec spec;
    /** The spec's trials, drawn once (random search draws its points when asked). */
    private final List<Trial> trials;
    private final Path dir;
    private final TrialRunner runner;
    private final int parallel;
    private final SweepListener listener;
    private final BooleanSupplier stop;
    private int maxFailures;
    private TrialBatch batch;
    private boolean retryFailed;
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
        this.trials = spec.trials();
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

    /**
     * Runs the trials on {@code batch} (a cluster engine's session) instead of with the sweep's
     * {@link TrialRunner}: each trial run is a batch of one, {@code parallel} of them at once, and its
     * result goes to the journal when it returns.
     *
     * @return this sweep
     */
    public Sweep runningOn(TrialBatch batch) {
        this.batch = batch;
        return this;
    }

    /**
     * Runs the trials that failed again (their failed runs stay in the journal, marked as retried);
     * by default a failed trial stays failed when the sweep is run again.
     *
     * @return this sweep
     */
    public Sweep retryFailed(boolean retry) {
        this.retryFailed = retry;
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
        Files.createDirectories(dir.resolve(SweepLayout.TRIALS));
        Path saved = dir.resolve(SweepLayout.SPEC);
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
        Path saved = dir.resolve(SweepLayout.SPEC);
        String notADirectory = dev.nn.core.io.PathKind.notADirectory(dir);
        if (notADirectory != null) {
            throw new IllegalArgumentException(dir + ": " + (notADirectory.startsWith("no such") ? notADirectory
                    : notADirectory + ", not a sweep's directory"));
        }
        if (!Files.isRegularFile(saved)) {
            throw new IllegalArgumentException(dir + " holds no sweep (no sweep.json)");
        }
        return SweepSpec.read(saved);
    }

    /**
     * Returns the trial runs the journal holds as finished, ok or failed, in the order they finished:
     * one per trial, or with successive halving or ASHA one per trial and rung; with
     * {@link #retryFailed}, the ok ones only (the failed ones run again).
     */
    public List<TrialResult> finished() throws IOException {
        List<TrialResult> all = new Journal(dir.resolve(SweepLayout.JOURNAL)).contents().all();
        return retryFailed ? all.stream().filter(TrialResult::ok).toList() : all;
    }

    /**
     * Returns how many trial runs the sweep takes: its trials, or with successive halving at most the
     * rungs' runs; with ASHA, as many as successive halving of its trials would run (ASHA may run more).
     */
    public int runs() {
        if (spec.asha() != null) {
            return spec.asha().asHalving().runs(trials.size());
        }
        return spec.halving() == null ? trials.size() : spec.halving().runs(trials.size());
    }

    /**
     * Runs the trials the journal lacks and writes results.csv and summary.md. With successive
     * halving, rung by rung: the trials of a rung run to its epochs, then the best go on. With ASHA,
     * trial runs of every rung side by side, each promotion made as soon as its rung's results allow.
     *
     * @return every trial's result so far (with halving or ASHA, of its last rung), in the sweep's order;
     *     fewer than the trials if stopped
     * @throws IllegalStateException if the spec's halving or ASHA has no rungs
     */
    public List<TrialResult> run() throws IOException, InterruptedException {
        prepare();
        stoppedByFailures = false;
        Journal journal = new Journal(dir.resolve(SweepLayout.JOURNAL));
        if (retryFailed) {
            for (Map.Entry<Integer, Map<String, TrialResult>> rung : journal.contents().byRung().entrySet()) {
                for (TrialResult r : rung.getValue().values()) {
                    if (!r.ok()) {
                        journal.append(new Journal.Retried(r.trial(), rung.getKey()));
                    }
                }
            }
        }
        Journal.Contents contents = journal.contents();
        TrialWorkers workers = new TrialWorkers(dir, runner, batch, parallel, listener, stop, maxFailures,
                contents.all().size());
        try {
            if (spec.asha() != null) {
                workers.run(AshaJobs.resume(spec.asha(), trials, dir, journal, contents, listener));
            } else if (spec.halving() == null) {
                workers.run(new ListJobs(trials, 0, 0, new HashMap<>(contents.rung(0)), journal, runs()));
            } else {
                runHalving(spec.halving(), journal, contents, workers);
            }
        } finally {
            stoppedByFailures = workers.stoppedByFailures();
        }
        return writeResults(spec, trials, dir, journal.contents());
    }

    private void runHalving(Halving halving, Journal journal, Journal.Contents contents, TrialWorkers workers)
            throws IOException, InterruptedException {
        if (halving.rungs().isEmpty()) {
            throw new IllegalStateException("the sweep's halving has no rungs; work them out with Halving.of");
        }
        List<Trial> active = trials;
        Map<String, TrialResult> previous = Map.of();
        for (int i = 0; i < halving.rungs().size(); i++) {
            int rung = i + 1;
            int epochs = halving.rungs().get(i);
            boolean last = rung == halving.rungs().size();
            Map<String, TrialResult> done = new HashMap<>(contents.rung(rung));
            if (i > 0) {
                carryOver(active, previous, halving.rungs().get(i - 1), rung, done, journal);
            }
            workers.run(new ListJobs(active, rung, last ? 0 : epochs, done, journal, runs()));
            previous = done;
            if (last || !active.stream().allMatch(t -> done.containsKey(t.name()))) {
                break;
            }
            RungDecision decision = contents.decisions().get(rung);
            if (decision == null) {
                decision = decide(halving, rung, epochs, active, done);
                journal.append(decision);
                listener.rungDecided(decision);
            }
            List<String> promoted = decision.promoted();
            active = trials.stream().filter(t -> promoted.contains(t.name())).toList();
        }
    }

    /** Records, without running them, the trials of the last rung that ended there on their own (early stopping). */
    private static void carryOver(List<Trial> active, Map<String, TrialResult> before, int epochsBefore, int rung,
            Map<String, TrialResult> done, Journal journal) throws IOException {
        for (Trial t : active) {
            TrialResult r = before.get(t.name());
            if (!done.containsKey(t.name()) && r != null && r.epochsRun() < epochsBefore) {
                journal.append(r, rung);
                done.put(t.name(), r);
            }
        }
    }

    /**
     * The best {@link Halving#survivors} of a rung's ok trials by final test accuracy, ties to the
     * earlier trial; the rest stop.
     */
    private static RungDecision decide(Halving halving, int rung, int epochs, List<Trial> active,
            Map<String, TrialResult> done) {
        List<Trial> ranked = new ArrayList<>(active.stream().filter(t -> done.get(t.name()).ok()
                && !Double.isNaN(done.get(t.name()).finalTestAccuracy())).toList());
        ranked.sort(Comparator.comparingDouble((Trial t) -> -done.get(t.name()).finalTestAccuracy())
                .thenComparingInt(Trial::index));
        List<String> promoted = ranked.stream().limit(halving.survivors(active.size())).map(Trial::name).toList();
        List<String> stopped = active.stream().map(Trial::name).filter(n -> !promoted.contains(n)).toList();
        return new RungDecision(rung, epochs, promoted, stopped);
    }

    /**
     * Writes results.csv and summary.md of the sweep in {@code dir} from its journal, as far as it
     * got (also while it runs), without running anything.
     *
     * @return the summary
     * @throws IllegalArgumentException if the directory holds no sweep
     */
    public static String summarize(Path dir) throws IOException {
        SweepSpec spec = specIn(dir);
        writeResults(spec, spec.trials(), dir, new Journal(dir.resolve(SweepLayout.JOURNAL)).contents());
        return Files.readString(dir.resolve(SweepLayout.SUMMARY));
    }

    /**
     * Returns what results.csv of the sweep in {@code dir}, whose spec is {@code spec} (as
     * {@link #specIn} reads it), holds as far as the sweep got, from its journal: the file's rows
     * while the sweep runs (the file itself is written when it ends or pauses), without writing
     * anything.
     *
     * @throws IOException naming the file if journal.jsonl cannot be read
     */
    public static String resultsSoFar(Path dir, SweepSpec spec) throws IOException {
        Journal.Contents contents = new Journal(dir.resolve(SweepLayout.JOURNAL)).contents();
        return Results.csv(spec, spec.trials(), inSweepOrder(spec.trials(), contents), contents);
    }

    /** Each trial's latest result, in the sweep's order of trials. */
    private static List<TrialResult> inSweepOrder(List<Trial> trials, Journal.Contents contents) {
        Map<String, TrialResult> latest = contents.latest();
        List<TrialResult> results = new ArrayList<>();
        for (Trial trial : trials) {
            TrialResult r = latest.get(trial.name());
            if (r != null) {
                results.add(r);
            }
        }
        return results;
    }

    private static List<TrialResult> writeResults(SweepSpec spec, List<Trial> trials, Path dir,
            Journal.Contents contents) throws IOException {
        List<TrialResult> results = inSweepOrder(trials, contents);
        AtomicFiles.writeString(dir.resolve(SweepLayout.RESULTS), Results.csv(spec, trials, results, contents));
        AtomicFiles.writeString(dir.resolve(SweepLayout.SUMMARY), Results.summary(spec, trials, results, contents));
        return results;
    }
}
