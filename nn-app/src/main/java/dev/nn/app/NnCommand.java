package dev.nn.app;

import dev.nn.app.cli.AppContext;
import dev.nn.app.commands.BenchCommand;
import dev.nn.app.commands.BookCommand;
import dev.nn.app.commands.EnsembleCommand;
import dev.nn.app.commands.DashboardCommand;
import dev.nn.app.commands.DemoCommand;
import dev.nn.app.commands.EvaluateCommand;
import dev.nn.app.commands.ExportCommand;
import dev.nn.app.commands.GradientsCommand;
import dev.nn.app.commands.PlotCommand;
import dev.nn.app.commands.PluginsCommand;
import dev.nn.app.commands.StudyCommand;
import dev.nn.app.commands.SweepCommand;
import dev.nn.app.commands.TrainCommand;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The top-level {@code nn} command and the options every subcommand takes. */
@Command(name = "nn", mixinStandardHelpOptions = true, versionProvider = dev.nn.app.cli.AppVersion.Provider.class,
        description = "Train and study the networks of Nielsen's Neural Networks and Deep Learning on MNIST, fully"
                + " connected (network2.py) and convolutional (network3.py), in Java.",
        subcommands = {DemoCommand.class, TrainCommand.class, GradientsCommand.class, EvaluateCommand.class,
            PlotCommand.class, PluginsCommand.class, BenchCommand.class, StudyCommand.class, SweepCommand.class,
            DashboardCommand.class, BookCommand.class, EnsembleCommand.class, ExportCommand.class,
            picocli.CommandLine.HelpCommand.class})
public final class NnCommand implements Runnable, dev.nn.app.cli.AppContextSource {

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Log details and show stack traces.")
    boolean verbose;

    @Option(names = "--quiet", scope = ScopeType.INHERIT, description = "Print only the results and errors: no"
            + " progress.")
    boolean quiet;

    @Option(names = "--plugins", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Also load plugin jars from DIR (plugins/ beside the launcher is always searched).")
    List<Path> plugins;

    private final Supplier<AppContext> context;
    private AppContext built;

    NnCommand(Supplier<AppContext> context) {
        this.context = context;
    }

    /** Returns the shared context, built on first use. */
    @Override
    public AppContext context() {
        if (built == null) {
            if (verbose) {
                Logging.verbose();
            }
            built = context.get();
        }
        return built;
    }

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                "missing subcommand: demo, train, gradients, evaluate, plot, plugins, bench, study, sweep, dashboard or help");
    }
}
