package dev.nn.app.commands;

import dev.nn.app.cli.AppContext;
import dev.nn.app.cli.AppContextSource;
import dev.nn.core.network.Evaluation;
import dev.nn.core.network.Evaluator;
import dev.nn.core.network.Network;
import dev.nn.core.network.PluralityVote;
import dev.nn.data.mnist.Mnist;
import dev.nn.run.options.ThreadsOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code nn ensemble MODEL...}: the test accuracy of saved models that vote, and of each alone. */
@Command(name = "ensemble", mixinStandardHelpOptions = true,
        description = "Print the test accuracy of a plurality vote of saved models (chapter 6's ensemble), and of"
                + " each model alone.")
public final class EnsembleCommand implements Callable<Integer> {

    @ParentCommand
    AppContextSource parent;

    @Parameters(arity = "1..*", paramLabel = "MODEL", description = "model.json or best-model.json files written by"
            + " nn train or nn book.")
    List<Path> models;

    @Option(names = "--data", paramLabel = "DIR", description = "Directory with the MNIST files.")
    Path data;

    @Mixin
    ThreadsOption threads;

    @Override
    public Integer call() throws Exception {
        AppContext ctx = parent.context();
        List<Network> networks = new ArrayList<>();
        for (Path model : models) {
            networks.add(EvaluateCommand.readMnistModel(model, ctx.registry()).network());
        }
        Mnist mnist = ctx.mnist(data);
        int n = mnist.test().size();
        for (int i = 0; i < networks.size(); i++) {
            Evaluation e;
            try (Evaluator evaluator = new Evaluator(networks.get(i), Evaluator.DEFAULT_BATCH, threads.count())) {
                e = evaluator.evaluate(mnist.test(), false);
            }
            ctx.out().println(String.format(Locale.ROOT, "%s: test accuracy %.4f (%d / %d)", models.get(i),
                    e.accuracy(), e.correct(), n));
        }
        int correct = new PluralityVote(networks).correct(mnist.test());
        ctx.out().println(String.format(Locale.ROOT, "vote of %d: test accuracy %.4f (%d / %d)", networks.size(),
                (double) correct / n, correct, n));
        return 0;
    }
}
