package dev.nn.run.trials;

import dev.nn.run.RunLayout;

import dev.nn.core.registry.PluginRegistry;
import java.io.IOException;
import dev.nn.run.Interrupts;
import dev.nn.run.options.ThreadsOption;
import dev.nn.run.CheckpointFile;
import dev.nn.run.ResumableRun;
import dev.nn.run.options.TrainingOptions;
import dev.nn.run.TrainingRun;
import dev.nn.data.mnist.Mnist;
import dev.nn.monitor.History;
import dev.nn.monitor.RegularizationLabel;
import dev.nn.sweep.Trial;
import dev.nn.sweep.TrialInterruptedException;
import dev.nn.sweep.TrialRunner;
import dev.nn.train.StopReason;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs a sweep's trials as {@code nn train} runs them, in this process, one thread each, on MNIST
 * loaded once: the same flags, the same checkpoints, the same run directory, so a trial gives the
 * bits of {@code nn train} with its flags; an unfinished trial with a checkpoint of the same flags
 * resumes from it. A trial paused at a rung of successive halving has its run files as far as it got
 * and keeps its checkpoint.
 */
public final class TrainTrials implements TrialRunner {

    private final PluginRegistry registry;
    private final Mnist mnist;
    private final Path dataDir;
    private final Interrupts interrupts;
    private final String command;

    /**
     * Returns the runner of one sweep of the app: the plugins of its registry, MNIST loaded once from
     * {@code dataDir}, the signals that stop it, and the command that runs it again ({@code nn sweep},
     * {@code nn demo}), which a stopped trial names.
     */
    public static TrainTrials of(PluginRegistry registry, Mnist mnist, Path dataDir, Interrupts interrupts,
            String command) {
        return new TrainTrials(registry, mnist, dataDir, interrupts, command);
    }

    private TrainTrials(PluginRegistry registry, Mnist mnist, Path dataDir, Interrupts interrupts, String command) {
        this.registry = registry;
        this.mnist = mnist;
        this.dataDir = dataDir;
        this.interrupts = interrupts;
        this.command = command;
    }

    /**
     * Returns the runner of a sweep built in Java, as {@code nn sweep} runs its trials: on the MNIST
     * files in {@code mnistDir}, loaded once, with the plugins of the class path.
     *
     * @throws IOException naming the file if MNIST cannot be read
     */
    public static TrainTrials on(Path mnistDir) throws IOException {
        return on(Mnist.load(mnistDir), mnistDir);
    }

    /**
     * Returns the runner of trials on MNIST loaded already (a cluster engine's executors get it once),
     * with the plugins of the class path; {@code mnistDir} is where it was read from, for run.json.
     */
    public static TrainTrials on(Mnist mnist, Path mnistDir) {
        return new TrainTrials(PluginRegistry.load(), mnist, mnistDir, Interrupts.none(), "nn sweep");
    }

    @Override
    public History run(Trial trial, Path dir, int pauseAfter) throws Exception {
        TrainingOptions options = TrainingOptions.parse(trial.args());
        options.threads = ThreadsOption.of(1);
        TrainingRun run = new TrainingRun(options, registry).validate();
        Files.createDirectories(dir);
        CheckpointFile.Saved from = null;
        if (RunLayout.unfinished(dir)) {
            CheckpointFile.Saved saved = CheckpointFile.read(dir);
            from = saved.isOf(run.spec(), trial.args()) ? saved : null;
        }
        TrainingRun.Outcome outcome = ResumableRun.train(run, dir, trial.args(), from, mnist, dataDir,
                RegularizationLabel.of(run.config().regularizations()), null, interrupts,
                where -> command + ": stopped; the unfinished trials keep their checkpoints. Run the same " + command
                        + " again to continue.", pauseAfter, null);
        if (outcome.result().reason() == StopReason.INTERRUPTED) {
            throw new TrialInterruptedException(trial.name() + " " + outcome.result().message());
        }
        return outcome.history();
    }
}
