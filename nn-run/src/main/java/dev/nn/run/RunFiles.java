package dev.nn.run;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.nn.core.io.AtomicFiles;
import dev.nn.core.io.ModelFile;
import dev.nn.core.io.SavedModel;
import dev.nn.core.network.Network;
import dev.nn.core.registry.PluginSpec;
import dev.nn.monitor.History;
import dev.nn.monitor.HistoryFiles;
import dev.nn.monitor.Spike;
import dev.nn.monitor.SpikeDetector;
import dev.nn.monitor.WeightStats;
import dev.nn.monitor.WeightStatsFiles;
import dev.nn.plot.HistoryCharts;
import dev.nn.plot.WeightCharts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a training run's files into its directory, each atomically. */
public final class RunFiles {

    /** The files a finished run leaves, in the order they are written. */
    public static final List<String> NAMES = List.of(RunLayout.HISTORY, RunLayout.HISTORY_CSV, RunLayout.MODEL,
            RunLayout.HISTORY_FIGURE + ".png", RunLayout.HISTORY_FIGURE + ".svg", RunLayout.RUN);

    /** The weight statistics of {@code --weight-stats}. */
    public static final String WEIGHTS = RunLayout.WEIGHTS;

    private RunFiles() {
    }

    /** Writes the history, the model, the plots and {@code run.json}. */
    public static void write(Path dir, String command, List<String> args, TrainingRun run,
            TrainingRun.Outcome outcome, Path dataDir) throws IOException {
        HistoryFiles.writeJson(dir.resolve(RunLayout.HISTORY), outcome.history());
        HistoryFiles.writeCsv(dir.resolve(RunLayout.HISTORY_CSV), outcome.history());
        ModelFile.write(dir.resolve(RunLayout.MODEL), new SavedModel(run.network(), run.config().regularizations(),
                PluginSpec.format(run.config().updateRule())));
        writePlots(dir, outcome.history());
        if (!outcome.weightStats().isEmpty()) {
            WeightStatsFiles.write(dir.resolve(WEIGHTS), outcome.weightStats());
            writeWeightPlots(dir, outcome.history(), outcome.weightStats());
        }
        AtomicFiles.writeString(dir.resolve(RunLayout.RUN), runJson(command, args, run, outcome, dataDir));
    }

    /**
     * Returns true if {@code dir} holds a finished run of exactly this spec: its files, run.json's
     * spec, and no checkpoint (which a run removes last).
     */
    public static boolean finished(Path dir, RunSpec spec) throws IOException {
        Path runJson = dir.resolve(RunLayout.RUN);
        return Files.isRegularFile(runJson) && Files.isRegularFile(dir.resolve(RunLayout.MODEL))
                && Files.isRegularFile(dir.resolve(RunLayout.HISTORY)) && !RunLayout.unfinished(dir)
                && spec.equals(KeptRuns.recorded(dir));
    }

    /** Returns the files {@link #write} left for this outcome. */
    public static List<String> names(TrainingRun.Outcome outcome) {
        if (outcome.weightStats().isEmpty()) {
            return NAMES;
        }
        List<String> names = new java.util.ArrayList<>(NAMES);
        names.addAll(names.size() - 1, List.of(WEIGHTS, RunLayout.WEIGHTS_FIGURE + ".png", RunLayout.WEIGHTS_FIGURE + ".svg"));
        return names;
    }

    /** Draws the spikes of the test accuracy and what the first layer's weights did, as weights.png and .svg. */
    public static void writeWeightPlots(Path dir, History history, List<WeightStats> stats) throws IOException {
        List<Spike> spikes = SpikeDetector.DEFAULT.find(history.testAccuracy());
        WeightCharts.spikes(history, stats, 1, spikes).save(dir, RunLayout.WEIGHTS_FIGURE);
    }

    /** Draws the overfitting figure, with the inset from epoch 100 (or half-way, for shorter runs). */
    public static void writePlots(Path dir, History history) throws IOException {
        int epochs = history.records().size();
        HistoryCharts.overfitting(history, Math.min(100, Math.max(1, epochs / 2))).save(dir, RunLayout.HISTORY_FIGURE);
    }

    private static String runJson(String command, List<String> args, TrainingRun run, TrainingRun.Outcome outcome,
            Path dataDir) {
        RunSpec o = run.spec();
        JsonObject root = new JsonObject();
        JsonArray argv = new JsonArray();
        argv.add("nn");
        argv.add(command);
        args.forEach(argv::add);
        root.add("command", argv);
        JsonObject c = new JsonObject();
        JsonArray layers = new JsonArray();
        o.layers().forEach(layers::add);
        c.add("layers", layers);
        c.addProperty("seed", o.seed());
        c.addProperty("trainSize", outcome.trainingSize());
        c.addProperty("epochs", o.epochs());
        c.addProperty("batchSize", o.batchSize());
        c.addProperty("eta", o.eta());
        c.addProperty("l1", o.l1());
        c.addProperty("l2", o.l2());
        JsonObject regularizers = new JsonObject();
        o.regularizers().forEach(regularizers::addProperty);
        c.add("regularizers", regularizers);
        Network net = run.network();
        c.addProperty("cost", PluginSpec.format(net.cost()));
        c.addProperty("activation", PluginSpec.format(net.activation(0)));
        c.addProperty("outputActivation", PluginSpec.format(net.activation(net.layerCount() - 1)));
        c.addProperty("updateRule", PluginSpec.format(run.config().updateRule()));
        c.addProperty("dropout", o.dropout());
        c.addProperty("init", o.init());
        c.addProperty("monitor", o.monitor());
        c.addProperty("validation", o.validation());
        if (o.earlyStop() != null) {
            c.addProperty("earlyStop", o.earlyStop());
        }
        c.addProperty("schedule", o.schedule());
        c.addProperty("threads", run.threads());
        c.addProperty("data", dataDir.toAbsolutePath().toString());
        root.add("config", c);
        root.add("spec", o.toJsonObject()); // the run as RunSpec.fromJson reads it back
        JsonObject r = new JsonObject();
        r.addProperty("epochsRun", outcome.result().epochsRun());
        r.addProperty("stop", outcome.result().message());
        r.addProperty("finalEta", outcome.result().finalEta());
        root.add("result", r);
        return new GsonBuilder().setPrettyPrinting().create().toJson(root) + "\n";
    }
}
