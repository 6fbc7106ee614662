package dev.nn.app.commands;

import dev.nn.app.cli.AppContextSource;
import dev.nn.app.cli.AppContext;
import dev.nn.app.cli.RunDirectory;
import dev.nn.run.Interrupts;
import dev.nn.run.UsageException;
import dev.nn.run.CheckpointFile;
import dev.nn.run.ResumableRun;
import dev.nn.run.RunFiles;
import dev.nn.run.options.TrainingOptions;
import dev.nn.dashboard.Dashboard;
import dev.nn.run.TrainingRun;
import dev.nn.data.mnist.Mnist;
import dev.nn.monitor.EpochRecord;
import dev.nn.monitor.RegularizationLabel;
import dev.nn.train.StopReason;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
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
    AppContextSource parent;

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

    @Option(names = "--resume", paramLabel = "DIR", description = "Continue the run in DIR from its last checkpoint,"
            + " with the run's own flags (--data and --threads may be given).")
    Path resume;

    @Option(names = "--dashboard", description = "Serve the page of nn dashboard while the run trains, updating as"
            + " epochs finish (on port " + Dashboard.DEFAULT_PORT + ", or a free one if that is taken; the runs beside"
            + " this one are listed too).")
    boolean dashboard;

    @Override
    public Integer call() throws Exception {
        AppContext ctx = parent.context();
        if (resume != null) {
            return resume(ctx);
        }
        TrainingRun run = new TrainingRun(options, ctx.registry()).validate();
        Path dir = RunDirectory.checkForRun(out != null ? out : RunDirectory.timestamped("train"), force);
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        return execute(ctx, run, dir, runFlags(args.subList(args.indexOf("train") + 1, args.size())), null);
    }

    /** Returns the flags that make the run, without those of the program (--quiet, --verbose, --plugins, --dashboard). */
    private static List<String> runFlags(List<String> args) {
        List<String> kept = new java.util.ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--plugins")) {
                i++;
            } else if (!arg.equals("--quiet") && !arg.equals("--verbose") && !arg.startsWith("--plugins=")
                    && !arg.equals("--dashboard")) {
                kept.add(arg);
            }
        }
        return kept;
    }

    /**
     * Returns the training flags of an {@code nn train} command line, as this command parses them.
     *
     * @throws picocli.CommandLine.ParameterException naming a flag it does not take
     */
    public static TrainingOptions parse(List<String> args) {
        TrainCommand command = new TrainCommand();
        new CommandLine(command).parseArgs(args.toArray(new String[0]));
        return command.options;
    }

    /** Continues the run of {@link #resume} from its checkpoint, with the flags the checkpoint keeps. */
    private int resume(AppContext ctx) throws Exception {
        List<String> allowed = List.of("--resume", "--data", "--threads", "--quiet", "--verbose", "--plugins",
                "--dashboard");
        // the options picocli matched, by the name the user typed (--lmbda as given, not --l2)
        for (CommandLine.Model.OptionSpec option : spec.commandLine().getParseResult().matchedOptions()) {
            if (!allowed.contains(option.longestName())) {
                String typed = spec.commandLine().getParseResult().originalArgs().stream()
                        .map(arg -> arg.replaceFirst("=.*", "")).filter(List.of(option.names())::contains).findFirst()
                        .orElse(option.longestName());
                throw new UsageException("--resume continues the run with its own flags; " + typed + " cannot be given"
                        + " with it (only --data and --threads)");
            }
        }
        CheckpointFile.Saved saved = CheckpointFile.read(resume);
        // the spec says what the run is (a checkpoint of an older nn only its flags); its flags, where the data was
        TrainingOptions resumed = parse(saved.args());
        TrainingRun run = new TrainingRun(saved.spec() != null ? saved.spec() : resumed.toSpec(), options.threads(),
                options.data != null ? options.data : resumed.data, ctx.registry());
        run.requirePlugins(resume.resolve(CheckpointFile.NAME).toString());
        run.validate();
        ctx.note("resuming " + resume + " " + dev.nn.train.Checkpoint.position(saved.epochsDone(),
                saved.batchesDone()));
        return execute(ctx, run, resume, saved.args(), saved);
    }

    /** Serves the run's parent directory for --dashboard, on the default port or a free one. */
    private static Dashboard startDashboard(AppContext ctx, Path dir) throws java.io.IOException {
        Path root = dir.toAbsolutePath().normalize().getParent();
        Dashboard page;
        try {
            page = Dashboard.start(root, "127.0.0.1", Dashboard.DEFAULT_PORT);
        } catch (java.net.BindException e) {
            page = Dashboard.start(root, "127.0.0.1", 0);
        }
        page.endsWith("nn train");
        ctx.err().println("nn train: the dashboard of this run is at " + page.uri() + "#run="
                + java.net.URLEncoder.encode(dir.toAbsolutePath().normalize().getFileName().toString(),
                        java.nio.charset.StandardCharsets.UTF_8) + " while it trains");
        return page;
    }

    /** Trains with a checkpoint after every epoch, then writes the run's files and drops the checkpoint. */
    private int execute(AppContext ctx, TrainingRun run, Path dir, List<String> args, CheckpointFile.Saved from)
            throws Exception {
        Path dataDir = ctx.mnistDir(run.data());
        Mnist mnist = Mnist.load(dataDir);
        RunDirectory.prepare(dir); // after the data is found: a run that cannot start leaves no directory
        TrainingRun.Outcome outcome;
        try (Interrupts interrupts = ctx.interrupts(); Dashboard page = dashboard ? startDashboard(ctx, dir) : null) {
            outcome = ResumableRun.train(run, dir, args, from, mnist, dataDir,
                    RegularizationLabel.of(run.config().regularizations()), ctx.progress(), interrupts,
                    where -> "nn train: stopped " + where + "; the run is saved in " + dir
                            + ". Resume it with: ./nn train --resume " + dir, 0,
                    page == null ? null : monitor -> page.follow(dir, monitor));
            if (page != null) {
                Thread.sleep(500); // the page hears the end of the run before the server stops
            }
        }
        if (outcome.result().reason() == StopReason.INTERRUPTED) {
            return 130;
        }
        EpochRecord last = outcome.history().last();
        ctx.out().println(String.format(Locale.ROOT, "%s; final %s accuracy %.4f", outcome.result().message(),
                outcome.evaluationName(), last == null ? Double.NaN : last.testAccuracy()));
        ctx.out().println("wrote " + String.join(", ", RunFiles.names(outcome)) + " to " + dir);
        return 0;
    }
}
