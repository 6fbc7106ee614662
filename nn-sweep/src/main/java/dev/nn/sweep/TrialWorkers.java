package dev.nn.sweep;

import dev.nn.monitor.History;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A sweep's workers: {@code parallel} threads, each taking the next trial run from a
 * {@link Jobs}, running it (on this process's {@link TrialRunner}, or one trial at a time on an
 * engine's {@link TrialBatch}), and handing back its result, which the jobs journal. A worker takes
 * its next run before the finished one is reported, so the report's running count is exact. Stops
 * taking runs when the sweep is stopped or after too many failures in a row; runs already going
 * finish.
 */
final class TrialWorkers {

    /**
     * One trial run: {@code trial} to {@code pauseAfter} (0: its end), recorded at {@code rung}.
     *
     * @param carried the result to record without running (a trial that ended before its rung), or null
     */
    record Run(Trial trial, int rung, int pauseAfter, TrialResult carried) {
    }

    /** Where the runs come from and where their results go; called under the workers' lock. */
    interface Jobs {

        /** Returns the next run to take, or null if none can start now. */
        Run take();

        /** Takes back a run that was taken and did not finish (the sweep is stopping). */
        default void putBack(Run run) {
        }

        /** Journals a finished run's result and what it decides. */
        void finished(Run run, TrialResult result) throws IOException;

        /** Returns how many trial runs the sweep has, as far as known now. */
        int runs();
    }

    private final Path dir;
    private final TrialRunner runner;
    private final TrialBatch batch;
    private final int parallel;
    private final SweepListener listener;
    private final BooleanSupplier stop;
    private final int maxFailures;
    private final Object lock = new Object();
    private int running;
    private int done;
    private int failuresInARow;
    private boolean stoppedByFailures;
    private Exception failure;

    /**
     * Creates the workers of a sweep in {@code dir}.
     *
     * @param batch the engine's session, or null to run on {@code runner}
     * @param done the trial runs an earlier run of the sweep finished
     */
    TrialWorkers(Path dir, TrialRunner runner, TrialBatch batch, int parallel, SweepListener listener,
            BooleanSupplier stop, int maxFailures, int done) {
        this.dir = dir;
        this.runner = runner;
        this.batch = batch;
        this.parallel = parallel;
        this.listener = listener;
        this.stop = stop;
        this.maxFailures = maxFailures;
        this.done = done;
    }

    /** Returns true if a run stopped taking runs because of too many failures in a row. */
    boolean stoppedByFailures() {
        synchronized (lock) {
            return stoppedByFailures;
        }
    }

    /**
     * Runs what {@code jobs} gives until it gives nothing and nothing runs, or the sweep stops.
     *
     * @throws IOException if a result could not be journaled, or the engine could not run a trial
     */
    void run(Jobs jobs) throws IOException, InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < parallel; i++) {
            Thread t = new Thread(() -> work(jobs), "nn-sweep-" + (i + 1));
            threads.add(t);
            t.start();
        }
        try {
            for (Thread t : threads) {
                t.join();
            }
        } catch (InterruptedException e) {
            threads.forEach(Thread::interrupt);
            throw e;
        }
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure instanceof InterruptedException interrupted) {
            throw interrupted;
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure != null) {
            throw new IOException(failure.getMessage(), failure);
        }
    }

    private void work(Jobs jobs) {
        Run run = take(jobs);
        while (run != null) {
            TrialResult result;
            try {
                result = result(run);
            } catch (Exception e) {
                synchronized (lock) {
                    running--;
                    jobs.putBack(run);
                    if (failure == null) {
                        failure = e;
                    }
                    lock.notifyAll();
                }
                return;
            }
            synchronized (lock) {
                running--;
                if (result == null) { // stopped with its checkpoint saved: not finished
                    jobs.putBack(run);
                    lock.notifyAll();
                    return;
                }
                try {
                    jobs.finished(run, result);
                } catch (IOException | RuntimeException e) {
                    if (failure == null) {
                        failure = e;
                    }
                    lock.notifyAll();
                    return;
                }
                done++;
                failuresInARow = result.ok() ? 0 : failuresInARow + 1;
                Run next = takeNow(jobs);
                listener.trialFinished(run.trial(), result, new SweepListener.Progress(done, jobs.runs(), running));
                lock.notifyAll();
                run = next;
            }
            if (run == null) {
                run = take(jobs);
            }
        }
    }

    /** Runs one trial, or returns what it carries; null if it stopped for a signal. */
    private TrialResult result(Run run) throws Exception {
        if (run.carried() != null) {
            return run.carried();
        }
        listener.trialStarted(run.trial());
        long start = System.nanoTime();
        if (batch != null) {
            List<TrialResult> results = batch.run(List.of(run.trial()), run.pauseAfter());
            if (results.size() != 1 || !results.get(0).trial().equals(run.trial().name())) {
                throw new IllegalStateException("the engine returned " + results.stream().map(TrialResult::trial)
                        .toList() + " for " + run.trial().name());
            }
            return results.get(0);
        }
        try {
            History history = runner.run(run.trial(), SweepLayout.trial(dir, run.trial().name()), run.pauseAfter());
            return TrialResult.ok(run.trial().name(), history, (System.nanoTime() - start) / 1e9);
        } catch (TrialInterruptedException e) {
            return null;
        } catch (Exception | StackOverflowError e) {
            return TrialResult.failed(run.trial().name(), e, (System.nanoTime() - start) / 1e9);
        }
    }

    /** Waits for a run to take; null when there is none and none can come, or the sweep is stopping. */
    private Run take(Jobs jobs) {
        synchronized (lock) {
            while (true) {
                if (failure != null) {
                    return null;
                }
                Run run = takeNow(jobs);
                if (run != null || running == 0 || stopping()) {
                    lock.notifyAll();
                    return run;
                }
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    failure = e;
                    lock.notifyAll();
                    return null;
                }
            }
        }
    }

    /** Takes the next run if the sweep goes on and one can start now. */
    private Run takeNow(Jobs jobs) {
        if (stop.getAsBoolean() || failure != null) {
            return null;
        }
        Run run = jobs.take();
        if (run != null && maxFailures > 0 && failuresInARow >= maxFailures) {
            jobs.putBack(run); // a run was left unstarted for the failures: say so
            stoppedByFailures = true;
            return null;
        }
        if (run != null) {
            running++;
        }
        return run;
    }

    private boolean stopping() {
        return stop.getAsBoolean() || maxFailures > 0 && failuresInARow >= maxFailures;
    }
}
