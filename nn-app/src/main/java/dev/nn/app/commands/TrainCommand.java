package dev.nn.app.commands;

import dev.nn.app.NnCommand;
import dev.nn.app.cli.AppContext;
import dev.nn.app.cli.RunDirectory;
import dev.nn.app.run.RunFiles;
import dev.nn.app.run.TrainingOptions;
import dev.nn.app.run.TrainingRun;
import dev.nn.data.mnist.Mnist;
import dev.nn.monitor.EpochRecord;
import dev.nn.monitor.RegularizationLabel;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code nn train}: one training run on MNIST, with its history, model, plots and configuration written out. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a network on MNIST; writes history.json, history.csv, model.json, history.png,"
                + " history.svg and run.json to the run directory.")
public final class TrainCommand implements Callable<Integer> {

    @ParentCommand
    NnCommand parent;

    @Spec
    CommandSpec spec;

    @Mixin
    TrainingOptions options;

    @Option(names = "--out", paramLabel = "DIR", description = "Run directory (default: runs/train-<timestamp>); it"
            + " must be new or empty unless --force.")
    Path out;

    @Option(names = "--force", description = "Write into --out even if it holds files, replacing those of the same"
            + " names.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        AppContext ctx = parent.context();
        TrainingRun run = new TrainingRun(options, ctx.registry()).validate();
        Path dir = RunDirectory.prepareForRun(out != null ? out : RunDirectory.timestamped("train"), force);
        Path dataDir = ctx.mnistDir(options.data);
        Mnist mnist = Mnist.load(dataDir);
        TrainingRun.Outcome outcome = run.train(mnist, RegularizationLabel.of(run.config().regularizations()), ctx.progress(),
                List.of());
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        RunFiles.write(dir, "train", args.subList(args.indexOf("train") + 1, args.size()), options, run, outcome,
                dataDir);
        EpochRecord last = outcome.history().last();
        ctx.out().println(String.format(Locale.ROOT, "%s; final %s accuracy %.4f", outcome.result().message(),
                outcome.evaluationName(), last == null ? Double.NaN : last.testAccuracy()));
        ctx.out().println("wrote " + String.join(", ", RunFiles.names(outcome)) + " to " + dir);
        return 0;
    }
}
