package dev.nn.app.run;

import dev.nn.app.cli.Interrupts;
import dev.nn.app.cli.RunLock;
import dev.nn.data.mnist.Mnist;
import dev.nn.train.StopReason;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * One training run in its directory, as {@code nn train} and {@code nn demo} run it: locked against
 * other processes, checkpointed after every epoch, stopped and saved on Ctrl-C or SIGTERM, and when
 * complete its files written and its checkpoint removed.
 */
public final class ResumableRun {

    private ResumableRun() {
    }

    /**
     * Trains {@code run} in {@code dir}, from {@code from} if given.
     *
     * @param args the run's {@code nn train} flags, kept in the checkpoint and in run.json
     * @param interrupted what to print when a signal stopped the run, given the epochs it completed
     * @return the outcome; its stop reason is {@link StopReason#INTERRUPTED} if a signal stopped the
     *     run, which is then saved (and nothing else written)
     */
    public static TrainingRun.Outcome train(TrainingRun run, Path dir, List<String> args, CheckpointFile.Saved from,
            Mnist mnist, Path dataDir, String label, PrintStream progress, Interrupts interrupts,
            Function<Integer, String> interrupted) throws IOException {
        RunLock lock = RunLock.take(dir);
        try {
            TrainingRun.Outcome outcome;
            interrupts.training(true);
            try {
                outcome = run.train(mnist, label, progress, List.of(),
                        new TrainingRun.Saving(dir, args, interrupts::requested, from));
                if (outcome.result().reason() == StopReason.INTERRUPTED) {
                    interrupts.saved(interrupted.apply(outcome.result().epochsRun()));
                    return outcome;
                }
            } finally {
                // from here a signal ends the program at once: the checkpoint goes last, so the run stays resumable
                interrupts.training(false);
            }
            RunFiles.write(dir, "train", args, run.options(), run, outcome, dataDir);
            Files.deleteIfExists(dir.resolve(CheckpointFile.NAME));
            return outcome;
        } finally {
            lock.close();
        }
    }
}
