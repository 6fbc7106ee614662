package dev.nn.app.commands;

import dev.nn.app.cli.AppContextSource;
import dev.nn.app.cli.AppContext;
import dev.nn.run.options.ThreadsOption;
import dev.nn.app.cli.IntListConverter;
import dev.nn.run.options.LayerSizes;
import dev.nn.run.options.LayersConverter;
import dev.nn.app.cli.RunDirectory;
import dev.nn.run.UsageException;
import dev.nn.run.options.TrainingOptions;
import dev.nn.run.TrainingRun;
import dev.nn.core.io.AtomicFiles;
import dev.nn.data.mnist.Mnist;
import dev.nn.monitor.GradientNormMonitor;
import dev.nn.monitor.GradientTable;
import dev.nn.monitor.RegularizationLabel;
import dev.nn.plot.GradientCharts;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code nn gradients}: the vanishing-gradient experiment of seed 004, computed instead of typed in. */
@Command(name = "gradients", mixinStandardHelpOptions = true,
        description = "Train briefly and print the norm of every layer's unregularized nabla_w for every mini-batch;"
                + " writes gradients.csv, gradients.png and gradients.svg.")
public final class GradientsCommand implements Callable<Integer> {

    /** The y axis of the figure. */
    enum Axis {
        linear, log;

        /** Whether the y axis is logarithmic: {@code --log-y}, or {@code --y-axis} other than linear (log when not given). */
        static boolean logarithmic(boolean logY, Axis axis) {
            return logY || axis != linear;
        }
    }

    @ParentCommand
    AppContextSource parent;

    @Option(names = "--layers", converter = LayersConverter.class, defaultValue = "784,30,30,30,30,30,10",
            paramLabel = "N,N,...", description = "Layer sizes (default: ${DEFAULT-VALUE}).")
    LayerSizes layers;

    @Option(names = "--train-size", defaultValue = "1000", description = "First N training images"
            + " (default: ${DEFAULT-VALUE}).")
    int trainSize;

    @Option(names = "--batch-size", defaultValue = "100", description = "Mini-batch size (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--eta", defaultValue = "0.01", description = "Learning rate (default: ${DEFAULT-VALUE}).")
    double eta;

    @Option(names = {"--l2", "--lambda"}, defaultValue = "0.05", description = "L2 strength lambda"
            + " (default: ${DEFAULT-VALUE}).")
    double lambda;

    @Option(names = "--epochs", defaultValue = "1", description = "Epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--seed", defaultValue = "3", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--activation", defaultValue = "sigmoid", description = "Activation id (default: ${DEFAULT-VALUE}).")
    String activation;

    @Option(names = "--batches", converter = IntListConverter.class, defaultValue = "7,8,9", paramLabel = "B,B,...",
            description = "Mini-batches (from 1) drawn in the figure (default: ${DEFAULT-VALUE}).")
    List<Integer> batches;

    @Option(names = "--y-axis", defaultValue = "log", description = "log or linear (default: ${DEFAULT-VALUE}: the"
            + " layers' norms differ by decades).")
    Axis axis;

    @Option(names = "--log-y", description = "Logarithmic y axis (the default; the same as --y-axis log).")
    boolean logY;

    @Mixin
    ThreadsOption threads;

    @Option(names = "--data", paramLabel = "DIR", description = "Directory with the MNIST files.")
    Path data;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: runs/gradients-<timestamp>).")
    Path out;

    @Option(names = "--force", description = "Replace the gradients.csv and figures of an earlier nn gradients in"
            + " --out.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        AppContext ctx = parent.context();
        TrainingRun run = new TrainingRun(options(), ctx.registry()).validate();
        int batchesPerEpoch = (trainSize + batchSize - 1) / batchSize;
        for (int b : batches) {
            if (b > batchesPerEpoch * epochs) {
                throw new UsageException("--batches " + b + " is past the last mini-batch ("
                        + batchesPerEpoch * epochs + ")");
            }
        }
        Path dir = RunDirectory.check(out != null ? out : RunDirectory.timestamped("gradients"));
        RunDirectory.refuseToReplace(dir, List.of("gradients.csv", "gradients.png", "gradients.svg"), force,
                " (an earlier nn gradients?); give another --out, or add --force to replace it");
        Mnist mnist = ctx.mnist(data);
        RunDirectory.prepare(dir);
        GradientNormMonitor norms = new GradientNormMonitor();
        run.train(mnist, RegularizationLabel.of(0, lambda), null, List.of(norms));
        GradientTable table = norms.table();
        ctx.out().print(table.toText());
        AtomicFiles.writeString(dir.resolve("gradients.csv"), table.toCsv());
        GradientCharts.hiddenLayerNorms(table, batches, Axis.logarithmic(logY, axis)).save(dir, "gradients");
        ctx.out().println("wrote gradients.csv, gradients.png, gradients.svg to " + dir);
        return 0;
    }

    private TrainingOptions options() {
        TrainingOptions o = new TrainingOptions();
        o.layers = layers;
        o.seed = seed;
        o.trainSize = trainSize;
        o.epochs = epochs;
        o.batchSize = batchSize;
        o.eta = eta;
        o.l2 = lambda;
        o.cost = "cross-entropy";
        o.activation = activation;
        o.initializer = "default";
        o.threads = threads;
        o.data = data;
        return o;
    }
}
