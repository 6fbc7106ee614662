package dev.nn.spark;

import dev.nn.sweep.SweepLayout;
import dev.nn.run.RunLayout;
import dev.nn.run.trials.TrainTrials;
import dev.nn.data.mnist.Mnist;
import dev.nn.monitor.History;
import dev.nn.sweep.Trial;
import dev.nn.sweep.TrialResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;

/**
 * One trial, as a Spark task runs it on an executor: {@code nn train} with the trial's flags on the
 * broadcast MNIST, one thread. Never throws: a failing trial is a failed result, as in the local
 * engine, so Spark's retries are never what makes a sweep right. The run directory goes into the
 * sweep's directory when the executor sees it (a shared file system: it holds {@code sweep.json});
 * otherwise the trial runs in a temporary directory and its history and model travel back.
 */
final class TrialTask implements Function<Trial, TrialOutcome> {

    private static final long serialVersionUID = 1L;

    private final String sweepDir;
    private final String mnistDir;
    private final Broadcast<Mnist> mnist;
    private final int pauseAfter;

    TrialTask(Path sweepDir, Path mnistDir, Broadcast<Mnist> mnist, int pauseAfter) {
        this.sweepDir = sweepDir.toString();
        this.mnistDir = mnistDir.toString();
        this.mnist = mnist;
        this.pauseAfter = pauseAfter;
    }

    @Override
    public TrialOutcome call(Trial trial) {
        return run(trial, Path.of(sweepDir), Path.of(mnistDir), mnist.value(), pauseAfter);
    }

    /** Runs {@code trial} as the task does, on {@code data}. */
    static TrialOutcome run(Trial trial, Path sweepDir, Path mnistDir, Mnist data, int pauseAfter) {
        long start = System.nanoTime();
        boolean shared = Files.isRegularFile(sweepDir.resolve(SweepLayout.SPEC));
        Path runDir = null;
        try {
            runDir = shared ? SweepLayout.trial(sweepDir, trial.name())
                    : Files.createTempDirectory("nn-trial-");
            History history = TrainTrials.on(data, mnistDir).run(trial, runDir, pauseAfter);
            TrialResult result = TrialResult.ok(trial.name(), history, (System.nanoTime() - start) / 1e9);
            if (shared) {
                return new TrialOutcome(result, null, null);
            }
            return new TrialOutcome(result, read(runDir.resolve(RunLayout.HISTORY)), read(runDir.resolve(RunLayout.MODEL)));
        } catch (Exception | StackOverflowError e) {
            return new TrialOutcome(TrialResult.failed(trial.name(), e, (System.nanoTime() - start) / 1e9), null, null);
        } finally {
            if (!shared && runDir != null) {
                delete(runDir);
            }
        }
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary directory left behind: the system's to clean
        }
    }
}
