package dev.nn.app.commands;

import dev.nn.app.cli.AppContextSource;
import dev.nn.app.cli.AppContext;
import dev.nn.app.cli.IntListConverter;
import dev.nn.app.cli.RunDirectory;
import dev.nn.run.UsageException;
import dev.nn.run.RunFiles;
import dev.nn.monitor.GradientTable;
import dev.nn.monitor.History;
import dev.nn.monitor.HistoryFiles;
import dev.nn.monitor.WeightStatsFiles;
import dev.nn.core.io.ModelFile;
import dev.nn.plot.Figure;
import dev.nn.plot.FilterImage;
import dev.nn.plot.GradientCharts;
import dev.nn.plot.HistoryCharts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code nn plot}: redraws figures from saved histories or gradient tables, without training. */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = "Redraw figures from saved files: one history.json gives the overfitting figure, several give a"
                + " comparison; with --weights, a run's history.json and the weights.csv beside it give the figure of"
                + " its spikes and its weights; a gradients.csv gives the gradient-norm figure.")
public final class PlotCommand implements Callable<Integer> {

    @ParentCommand
    AppContextSource parent;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "history.json files (or the run directories that"
            + " hold them), or one gradients.csv.")
    List<Path> files;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where to write (default: the directory that holds all the files).")
    Path out;

    @Option(names = "--force", description = "Replace figures of the same names in the output directory (without it"
            + " they are kept and nothing is drawn).")
    boolean force;

    @Option(names = "--batches", converter = IntListConverter.class, defaultValue = "7,8,9", paramLabel = "B,B,...",
            description = "For a gradient table: the mini-batches drawn (default: ${DEFAULT-VALUE}).")
    List<Integer> batches;

    @Option(names = "--log-y", description = "For a gradient table: logarithmic y axis (the default; as nn gradients"
            + " --log-y).")
    boolean logY;

    @Option(names = "--y-axis", paramLabel = "log|linear", description = "For a gradient table: log or linear (as nn"
            + " gradients --y-axis; default: log).")
    GradientsCommand.Axis axis;

    @Option(names = "--weights", description = "For one history.json: the figure of its accuracy spikes and of what"
            + " the weights did (needs the weights.csv of nn train --weight-stats beside it), as weights.png.")
    boolean weights;

    @Option(names = "--filters", description = "For one model.json (or best-model.json): its first convolution's"
            + " learned filters, as filters.png and filters.svg (chapter 6's figure).")
    boolean filters;

    /**
     * Returns the file to draw from: {@code file} itself, or a run directory's history.json (its model.json
     * with --filters).
     */
    private Path fileOf(Path file) {
        String give = "; give " + (filters ? "a model.json" : "a history.json or a gradients.csv") + ", or a run's directory";
        try {
            Path named = dev.nn.run.RunLayout.fileOf(file, filters ? dev.nn.run.RunLayout.MODEL : dev.nn.run.RunLayout.HISTORY);
            String notAFile = dev.nn.core.io.PathKind.notAFile(named);
            if (notAFile != null) {
                throw new UsageException(file + ": " + notAFile + give);
            }
            return named;
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage() + give);
        }
    }

    /** Returns the deepest directory that holds all the files: a run's own, or the parent of several runs. */
    private Path commonDirectory() {
        Path common = files.get(0).toAbsolutePath().normalize().getParent();
        for (Path f : files) {
            Path dir = f.toAbsolutePath().normalize().getParent();
            while (!dir.startsWith(common)) {
                common = common.getParent();
            }
        }
        return common;
    }

    /**
     * Returns each run's name from the nn train flags its run.json records that the other runs do not
     * share ({@code eta 0.25, seed 2}), or null if a run has no spec beside its history, or the names
     * would not tell every run apart.
     */
    private List<String> namesByDifferingFlags() {
        List<List<String>> args = new ArrayList<>();
        for (Path f : files) {
            Path runDir = f.toAbsolutePath().getParent();
            try {
                dev.nn.run.RunSpec spec = runDir == null || !Files.isRegularFile(runDir.resolve(dev.nn.run.RunLayout.RUN))
                        ? null : dev.nn.run.RunLayout.spec(runDir);
                if (spec == null) {
                    return null;
                }
                args.add(spec.args());
            } catch (java.io.IOException | IllegalArgumentException e) {
                return null; // a run.json that does not say: the directories name the runs
            }
        }
        return namesByDifferingFlags(args);
    }

    /**
     * Names runs by the flags of theirs that not every run has ({@code eta 0.25, seed 2}; empty for a
     * run with none of them, whose values are the defaults), or returns null if two runs would have
     * one name.
     *
     * @param args each run's nn train flags, as {@link dev.nn.run.RunSpec#args} gives them
     */
    public static List<String> namesByDifferingFlags(List<List<String>> args) {
        List<List<String>> flags = args.stream().map(PlotCommand::flagsOf).toList();
        java.util.Set<String> shared = new java.util.HashSet<>(flags.get(0));
        flags.forEach(shared::retainAll);
        List<String> names = new ArrayList<>();
        for (List<String> own : flags) {
            List<String> differing = own.stream().filter(flag -> !shared.contains(flag)).toList();
            names.add(String.join(", ", differing));
        }
        return new java.util.HashSet<>(names).size() == names.size() ? names : null;
    }

    /** The flags as items, each with its value: {@code --eta 0.5} becomes {@code eta 0.5}. */
    private static List<String> flagsOf(List<String> args) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String flag = args.get(i).substring(2);
            if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                items.add(flag + " " + args.get(++i));
            } else {
                items.add(flag);
            }
        }
        return items;
    }

    /** Refuses, unless --force, to draw over a figure that is there: a run's or nn demo's own. */
    private void refuseToReplace(Path dir, String name) {
        RunDirectory.refuseToReplace(dir, List.of(name + ".png", name + ".svg"), force, "; give --out DIR to draw"
                + " elsewhere, or add --force to replace it");
    }

    @Override
    public Integer call() throws Exception {
        AppContext ctx = parent.context();
        files = files.stream().map(this::fileOf).toList();
        Path first = files.get(0).toAbsolutePath();
        Path dir = RunDirectory.prepare(out != null ? out : RunDirectory.shown(commonDirectory()));
        if (first.toString().endsWith(".csv")) {
            if (files.size() > 1) {
                throw new UsageException("give one gradient table at a time, got " + files.size() + " files");
            }
            // decoded leniently: bytes that are not UTF-8 make a line that is not numbers, named as such
            GradientTable table = GradientTable.parseCsv(new String(Files.readAllBytes(first),
                    java.nio.charset.StandardCharsets.UTF_8), first.toString());
            refuseToReplace(dir, "gradients");
            Figure figure;
            try {
                figure = GradientCharts.hiddenLayerNorms(table, batches, GradientsCommand.Axis.logarithmic(logY, axis));
            } catch (IllegalArgumentException e) {
                throw new UsageException(first + ": " + e.getMessage() + "; choose others with --batches");
            }
            figure.save(dir, "gradients");
            ctx.out().println("wrote gradients.png, gradients.svg to " + dir);
            return 0;
        }
        if (logY || axis != null) {
            throw new UsageException((logY ? "--log-y" : "--y-axis") + " is for a gradient table (gradients.csv);"
                    + " the figures of history.json files have linear axes");
        }
        if (filters) {
            if (files.size() > 1) {
                throw new UsageException("--filters draws one model at a time, got " + files.size() + " files");
            }
            Figure figure = FilterImage.firstConvolution(ModelFile.read(first, ctx.registry()).network());
            if (figure == null) {
                throw new UsageException("--filters: " + files.get(0) + " has no convolution (a conv layer of --net)");
            }
            refuseToReplace(dir, "filters");
            figure.save(dir, "filters");
            ctx.out().println("wrote filters.png, filters.svg to " + dir);
            return 0;
        }
        if (weights) {
            if (files.size() > 1) {
                throw new UsageException("--weights draws one run at a time, got " + files.size() + " files");
            }
            Path csv = first.resolveSibling(RunFiles.WEIGHTS);
            if (!Files.isRegularFile(csv)) {
                throw new UsageException("--weights needs " + csv + ", which nn train --weight-stats writes");
            }
            refuseToReplace(dir, "weights");
            RunFiles.writeWeightPlots(dir, HistoryFiles.readJson(first), WeightStatsFiles.read(csv));
            ctx.out().println("wrote weights.png, weights.svg to " + dir);
            return 0;
        }
        List<History> histories = new ArrayList<>();
        for (Path f : files) {
            histories.add(HistoryFiles.readJson(f));
        }
        if (histories.stream().map(History::label).distinct().count() < histories.size()) {
            // labels alike (two L2 runs): name each run by the flags that tell it from the others, or its directory
            List<String> names = namesByDifferingFlags();
            for (int i = 0; i < histories.size(); i++) {
                Path runDir = files.get(i).toAbsolutePath().getParent();
                String dirName = runDir == null ? files.get(i).toString() : runDir.getFileName().toString();
                String name = names == null ? dirName : names.get(i).isEmpty() ? dirName + ", defaults" : names.get(i);
                histories.set(i, histories.get(i).withLabel(name + " (" + histories.get(i).label() + ")"));
            }
        }
        refuseToReplace(dir, histories.size() == 1 ? "history" : "comparison");
        if (histories.size() == 1) {
            RunFiles.writePlots(dir, histories.get(0));
            ctx.out().println("wrote history.png, history.svg to " + dir);
        } else {
            HistoryCharts.comparison(histories).save(dir, "comparison");
            ctx.out().println("wrote comparison.png, comparison.svg to " + dir);
        }
        return 0;
    }
}
