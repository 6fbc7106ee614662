package dev.nn.app.commands;

import dev.nn.app.cli.AppContextSource;
import dev.nn.app.cli.AppContext;
import dev.nn.run.UsageException;
import dev.nn.run.options.ThreadsOption;
import dev.nn.core.io.ModelFile;
import dev.nn.core.io.SavedModel;
import dev.nn.core.network.Evaluation;
import dev.nn.core.network.Evaluator;
import dev.nn.core.network.Network;
import dev.nn.data.mnist.Mnist;
import dev.nn.run.RunLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code nn evaluate}: accuracy and cost of a saved model on the MNIST test set. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Print a saved model's accuracy and cost on the 10000 MNIST test images.")
public final class EvaluateCommand implements Callable<Integer> {

    @ParentCommand
    AppContextSource parent;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "A model.json written by nn train,"
            + " or the run's directory that holds it.")
    Path model;

    @Option(names = "--data", paramLabel = "DIR", description = "Directory with the MNIST files.")
    Path data;

    @Mixin
    ThreadsOption threads;

    /**
     * The model file a path names: a model file, or a run directory's model.json.
     *
     * @throws UsageException for a directory with no model.json
     */
    static Path modelFile(Path path) {
        try {
            return RunLayout.fileOf(path, RunLayout.MODEL);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage() + "; give a model file or a finished run's directory");
        }
    }

    /**
     * Reads a saved model (or a run directory's) that takes an MNIST image and gives the 10 digits.
     *
     * @throws UsageException naming the file if its network takes or gives other sizes
     */
    static SavedModel readMnistModel(Path model, dev.nn.core.registry.PluginRegistry registry)
            throws java.io.IOException {
        SavedModel saved = ModelFile.read(modelFile(model), registry);
        Network net = saved.network();
        int pixels = Mnist.SIDE * Mnist.SIDE;
        if (net.inputSize() != pixels || net.outputSize() != 10) {
            throw new UsageException(model + ": sizes: the network takes " + net.inputSize() + " inputs and gives "
                    + net.outputSize() + " outputs; MNIST needs " + pixels + " inputs (28x28 pixels) and 10 outputs");
        }
        return saved;
    }

    @Override
    public Integer call() throws Exception {
        AppContext ctx = parent.context();
        int threadCount = threads.count();
        model = modelFile(model);
        SavedModel saved = readMnistModel(model, ctx.registry());
        Network net = saved.network();
        Mnist mnist = ctx.mnist(data);
        int n = mnist.test().size();
        Evaluation e;
        try (Evaluator evaluator = new Evaluator(net, Evaluator.DEFAULT_BATCH,
                threadCount)) {
            e = evaluator.evaluate(mnist.test(), true);
        }
        double cost = e.meanCost() + net.penalty(saved.regularization(), n);
        ctx.out().println(String.format(Locale.ROOT, "model %s: %s", model, Arrays.toString(net.sizes())
                .replace(", ", "-").replace("[", "").replace("]", "") + ", " + net.activation(0).id() + " -> "
                + net.activation(net.layerCount() - 1).id() + ", " + net.cost().id()
                + (net.dropout() > 0 ? ", dropout " + net.dropout() + " (training only)" : "")
                + ", " + dev.nn.monitor.RegularizationLabel.of(saved.regularization())
                + (saved.updateRule().equals("sgd") ? "" : ", trained with " + saved.updateRule())));
        ctx.out().println(String.format(Locale.ROOT, "test accuracy %.4f (%d / %d)", e.accuracy(), e.correct(), n));
        ctx.out().println(String.format(Locale.ROOT, "test cost %.6f (mean %s%s)", cost, net.cost().id(),
                saved.regularization().isEmpty() ? "" : " + " + saved.regularization().stream()
                        .map(r -> r.regularizer().id()).collect(java.util.stream.Collectors.joining(" + "))));
        return 0;
    }
}
