package dev.nn.run;

import dev.nn.run.Interrupts;
import dev.nn.run.RunLock;
import dev.nn.data.mnist.Mnist;
import dev.nn.monitor.EpochLog;
import dev.nn.monitor.EvaluationMonitor;
import dev.nn.train.event.EpochDone;
import dev.nn.train.StopReason;
import dev.nn.train.TrainingControl;
import dev.nn.train.TrainingListener;
import dev.nn.train.TrainingResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * One training run in its directory, as {@code nn train} and {@code nn demo} run it: locked against
 * other processes, checkpointed after every epoch (at most once a second), stopped and saved on Ctrl-C or SIGTERM, and when
 * complete its files written and its checkpoint removed.
 */
public final class ResumableRun {

    private ResumableRun() {
    }

    /**
     * Trains {@code run} in {@code dir}, from {@code from} if given.
     *
     * @param args the run's {@code nn train} flags, kept in the checkpoint and in run.json
     * @param interrupted what to print when a signal stopped the run, given where it stopped
     *     ({@link dev.nn.train.Checkpoint#position})
     * @return the outcome; its stop reason is {@link StopReason#INTERRUPTED} if a signal stopped the
     *     run, which is then saved (and nothing else written)
     */
    public static TrainingRun.Outcome train(TrainingRun run, Path dir, List<String> args, CheckpointFile.Saved from,
            Mnist mnist, Path dataDir, String label, PrintStream progress, Interrupts interrupts,
            Function<String, String> interrupted) throws IOException {
        return train(run, dir, args, from, mnist, dataDir, label, progress, interrupts, interrupted, 0, null);
    }

    /**
     * Trains as {@link #train(TrainingRun, Path, List, CheckpointFile.Saved, Mnist, Path, String,
     * PrintStream, Interrupts, Function)}, pausing after epoch {@code pauseAfter} if the run has more:
     * the run's files are then written as far as it got and its checkpoint kept, so that it goes on
     * from there ({@code nn train --resume}, or a sweep's next rung). The outcome of a pause has the
     * stop reason {@link StopReason#STOPPED}.
     *
     * @param pauseAfter the epoch to pause after, or 0 to train to the end
     * @param follower makes a listener that follows the run ({@code nn train --dashboard}), or null
     */
    public static TrainingRun.Outcome train(TrainingRun run, Path dir, List<String> args, CheckpointFile.Saved from,
            Mnist mnist, Path dataDir, String label, PrintStream progress, Interrupts interrupts,
            Function<String, String> interrupted, int pauseAfter,
            Function<EvaluationMonitor, TrainingListener> follower) throws IOException {
        boolean pausing = pauseAfter > 0 && pauseAfter < run.spec().epochs();
        // a checkpoint made at the pause (the process ended before its files were written) pauses at once
        AtomicInteger lastEpoch = new AtomicInteger(from == null || from.batchesDone() > 0 ? 0 : from.epochsDone());
        TrainingListener epochs = new TrainingListener() {
            @Override
            public void epochDone(EpochDone event, TrainingControl control) {
                lastEpoch.set(event.epoch());
            }
        };
        BooleanSupplier stop = pausing ? () -> interrupts.requested() || lastEpoch.get() >= pauseAfter
                : interrupts::requested;
        Files.createDirectories(dir); // a program of its own may name a new directory
        RunLock lock = RunLock.take(dir);
        try {
            // what a killed run's writes left half-done (its files themselves are whole: each is renamed into place)
            dev.nn.core.io.AtomicFiles.removeLeftovers(dir);
            if (from == null) {
                RunLayout.removeEarlierRun(dir); // a new run (--force) in an earlier one's directory
            }
            TrainingRun.Outcome outcome;
            interrupts.training(true);
            try {
                outcome = run.train(mnist, label, progress, pausing ? List.of(epochs) : List.of(),
                        new TrainingRun.Saving(dir, args, stop, from, follower));
                TrainingResult result = outcome.result();
                if (pausing && result.reason() == StopReason.INTERRUPTED && result.epochsRun() == pauseAfter) {
                    outcome = new TrainingRun.Outcome(outcome.history(), new TrainingResult(pauseAfter,
                            StopReason.STOPPED, "paused after epoch " + pauseAfter + " of " + run.spec().epochs()
                            + " (a rung of successive halving); nn train --resume " + dir + " goes on",
                            result.finalEta(), result.listenerFailures()), outcome.trainingSize(), outcome.evaluationName(),
                            outcome.weightStats());
                    RunFiles.write(dir, "train", args, run, outcome, dataDir);
                    return outcome;
                }
                if (result.reason() == StopReason.INTERRUPTED) {
                    interrupts.saved(interrupted.apply(result.message().replaceFirst("^interrupted ", "")));
                    return outcome;
                }
            } finally {
                // from here a signal ends the program at once: the checkpoint goes last, so the run stays resumable
                interrupts.training(false);
            }
            RunFiles.write(dir, "train", args, run, outcome, dataDir);
            Files.deleteIfExists(dir.resolve(EpochLog.NAME)); // history.json has it all now
            Files.deleteIfExists(dir.resolve(CheckpointFile.NAME));
            return outcome;
        } finally {
            lock.close();
        }
    }
}
