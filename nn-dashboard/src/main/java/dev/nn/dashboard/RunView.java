package dev.nn.dashboard;

import dev.nn.run.RunLayout;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.nn.monitor.EpochLog;
import dev.nn.monitor.EpochRecord;
import dev.nn.monitor.History;
import dev.nn.monitor.HistoryFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the page shows of one run directory, read from the run's own files: its history
 * ({@code history.json} when finished, {@code epochs.jsonl} while it trains), its status, its
 * configuration ({@code run.json}, or the command in {@code epochs.jsonl}), and the problem if a
 * file is broken.
 *
 * @param path the directory, from the served root
 * @param status {@code running}, {@code finished}, {@code paused} or {@code interrupted}
 * @param config a one-line summary of the configuration; empty if unknown
 * @param history the epochs so far; empty if there are none or the files are broken
 * @param problem what is wrong with the files, one line; empty if nothing
 */
record RunView(String path, String status, String config, History history, String problem) {

    /** Reads the run in {@code dir}. */
    static RunView read(SafePaths paths, Path dir) {
        String name = paths.name(dir);
        String status = status(paths, dir);
        List<String> problems = new ArrayList<>();
        JsonObject runJson = null;
        Path runFile = paths.file(dir, RunLayout.RUN);
        if (runFile != null) {
            try {
                runJson = JsonParser.parseString(Files.readString(FileLimits.checked(runFile), StandardCharsets.UTF_8)).getAsJsonObject();
            } catch (IOException | RuntimeException e) {
                problems.add("run.json: not a run description (" + brief(e) + ")");
            }
        }
        History history = new History(name, List.of());
        Path historyFile = paths.file(dir, RunLayout.HISTORY);
        Path log = paths.file(dir, EpochLog.NAME);
        String config = "";
        try {
            config = runJson == null ? "" : summary(runJson);
        } catch (RuntimeException e) {
            problems.add("run.json: its config is not a run's (" + brief(e) + ")");
        }
        try {
            if (log != null && (historyFile == null || !status.equals("finished"))) {
                history = HistoryFiles.readJsonLines(FileLimits.checked(log), name);
                if (config.isEmpty()) {
                    config = command(log);
                }
            } else if (historyFile != null) {
                history = HistoryFiles.readJson(FileLimits.checked(historyFile));
            }
        } catch (IOException | RuntimeException e) {
            problems.add(brief(e).replace(dir.toString() + "/", "").replace(dir.toString(), ""));
        }
        return new RunView(name, status, config, history, String.join("; ", problems));
    }

    /** Returns the epochs after {@code after} as the run's files have them now. */
    static List<EpochRecord> epochsAfter(SafePaths paths, Path dir, int after) {
        List<EpochRecord> newer = new ArrayList<>();
        for (EpochRecord r : read(paths, dir).history().records()) {
            if (r.epoch() > after) {
                newer.add(r);
            }
        }
        return newer;
    }

    /** running: the process named in .nn-lock is alive; finished; paused (a halving rung); interrupted. */
    static String status(SafePaths paths, Path dir) {
        Path lock = paths.file(dir, RunLayout.LOCK);
        if (lock != null && dev.nn.run.RunLock.heldIn(lock)) {
            return "running";
        }
        boolean checkpoint = RunLayout.unfinished(dir);
        if (Files.exists(dir.resolve(RunLayout.RUN)) && !checkpoint) {
            return "finished";
        }
        Path runFile = paths.file(dir, RunLayout.RUN);
        try {
            if (runFile != null && Files.readString(FileLimits.checked(runFile), StandardCharsets.UTF_8)
                    .contains("\"paused after epoch")) {
                return "paused";
            }
        } catch (IOException e) {
            // unreadable: interrupted is the best guess
        }
        return "interrupted";
    }

    /**
     * What tells a run from the ones beside it, from run.json's spec (its config, for a run of an
     * older nn): the layers (or the --net), activation and cost, the seed, the data and schedule, and
     * every regularizer with its lambda, so that L1 as a proximal step does not read as no
     * regularization and two seeds of one study do not read alike.
     */
    private static String summary(JsonObject run) {
        JsonObject c = run.has("spec") && run.get("spec").isJsonObject() ? run.getAsJsonObject("spec")
                : run.has("config") && run.get("config").isJsonObject() ? run.getAsJsonObject("config") : null;
        if (c == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        String net = text(c, "net");
        if (net != null) {
            parts.add(net);
        } else if (c.has("layers") && c.get("layers").isJsonArray()) {
            List<String> sizes = new ArrayList<>();
            c.getAsJsonArray("layers").forEach(e -> sizes.add(e.getAsString()));
            parts.add(String.join("-", sizes));
        }
        String activation = text(c, "activation");
        String output = text(c, "outputActivation");
        if (activation != null) {
            parts.add(activation + (output == null || output.equals(activation) ? "" : " -> " + output));
        }
        for (String key : List.of("cost", "seed", "trainSize", "epochs", "batchSize", "eta", "l1", "l2")) {
            String value = text(c, key);
            if (value != null && !value.equals("0.0")) {
                parts.add(key.equals("cost") ? value : flagName(key) + " " + value);
            }
        }
        if (c.has("regularizers") && c.get("regularizers").isJsonObject()) {
            c.getAsJsonObject("regularizers").entrySet().forEach(r -> parts.add(r.getKey() + " "
                    + (r.getValue().isJsonPrimitive() ? r.getValue().getAsString() : r.getValue().toString())));
        }
        for (String key : List.of("dropout", "optimizer", "updateRule", "momentum", "init")) {
            String value = text(c, key);
            if (value != null && !value.equals("0.0") && !value.equals("sgd") && !value.equals("default")) {
                parts.add(flagName(key) + " " + value);
            }
        }
        if (c.has("expand") && c.get("expand").isJsonPrimitive() && c.get("expand").getAsBoolean()) {
            parts.add("expanded data");
        }
        return String.join(", ", parts);
    }

    /** A spec field by the name of its nn train flag: trainSize as train-size. */
    private static String flagName(String field) {
        return field.replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT);
    }

    /** A field's value as text, or null if it is missing, null or not a single value. */
    private static String text(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || !e.isJsonPrimitive() ? null : e.getAsString();
    }

    /** The command of a run in progress, from the header of its epochs.jsonl. */
    private static String command(Path log) throws IOException {
        String first;
        try (java.io.BufferedReader reader = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
            first = java.util.Objects.requireNonNullElse(reader.readLine(), ""); // the header line alone
        }
        try {
            JsonObject header = JsonParser.parseString(first).getAsJsonObject();
            if (header.has("command") && header.get("command").isJsonArray()) {
                List<String> words = new ArrayList<>();
                JsonArray command = header.getAsJsonArray("command");
                command.forEach(e -> words.add(e.getAsString()));
                return String.join(" ", words);
            }
        } catch (RuntimeException e) {
            // no header: no configuration to show
        }
        return "";
    }

    private static String brief(Throwable e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }

    /** Returns the final and the best test accuracy, NaN if none. */
    double[] accuracies() {
        double best = Double.NaN;
        for (EpochRecord r : history.records()) {
            if (!Double.isNaN(r.testAccuracy()) && (Double.isNaN(best) || r.testAccuracy() > best)) {
                best = r.testAccuracy();
            }
        }
        EpochRecord last = history.last();
        return new double[] {last == null ? Double.NaN : last.testAccuracy(), best};
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s (%s, %d epochs)", path, status, history.records().size());
    }
}
