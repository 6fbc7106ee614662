package dev.nn.run;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.nn.monitor.EpochLog;
import dev.nn.monitor.History;
import dev.nn.monitor.HistoryFiles;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The files of a run's directory, named once, and what reads them: what {@link RunFiles},
 * {@link CheckpointFile}, {@link RunLock} and the epoch log write, and what the app, the page and
 * the Spark engine read. A sweep's directory is {@link dev.nn.sweep.SweepLayout}'s, its trials run
 * directories of this layout.
 */
public final class RunLayout {

    /** Per epoch: training and test accuracy and cost. */
    public static final String HISTORY = "history.json";
    /** The history as CSV. */
    public static final String HISTORY_CSV = "history.csv";
    /** The trained network, readable by network2.py's {@code load()}. */
    public static final String MODEL = "model.json";
    /** The command, the configuration, the {@link RunSpec} and how the run ended. */
    public static final String RUN = "run.json";
    /** Where an unfinished run stands; removed when the run's files are all written. */
    public static final String CHECKPOINT = CheckpointFile.NAME;
    /** The epochs as they finish, for a page following the run from another process. */
    public static final String EPOCHS = EpochLog.NAME;
    /** What the weights did per epoch and layer ({@code --weight-stats}). */
    public static final String WEIGHTS = "weights.csv";
    /** Held while a process writes the run. */
    public static final String LOCK = RunLock.NAME;
    /** The overfitting figure, as .png and .svg. */
    public static final String HISTORY_FIGURE = "history";
    /** The figure of the spikes and the weights, as .png and .svg. */
    public static final String WEIGHTS_FIGURE = "weights";
    /** The figure of a first convolution's filters ({@code nn book ch6}), as .png and .svg. */
    public static final String FILTERS_FIGURE = "filters";
    /** The model of the best validation epoch ({@code --keep-best}). */
    public static final String BEST_MODEL = BestModelKeeper.NAME;
    /** What a run writes when it ends (the figures as .png and .svg), and what an earlier run's are. */
    public static final List<String> OUTPUTS = List.of(HISTORY, HISTORY_CSV, MODEL, RUN, WEIGHTS, BEST_MODEL,
            HISTORY_FIGURE + ".png", HISTORY_FIGURE + ".svg", WEIGHTS_FIGURE + ".png", WEIGHTS_FIGURE + ".svg",
            FILTERS_FIGURE + ".png", FILTERS_FIGURE + ".svg");
    /** The files any of which makes a directory a run's, finished or not. */
    public static final List<String> MARKERS = List.of(RUN, HISTORY, EPOCHS, CHECKPOINT);

    /**
     * The file {@code path} names where a command takes one of a run's files or the run's directory:
     * the directory's {@code name}, or {@code path} itself when it is not a directory (whether that is
     * there is for the reader to say).
     *
     * @throws IllegalArgumentException "PATH: is a directory with no NAME in it" when the directory has none
     */
    public static Path fileOf(Path path, String name) {
        if (!Files.isDirectory(path)) {
            return path;
        }
        Path file = path.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(path + ": is a directory with no " + name + " in it");
        }
        return file;
    }

    private RunLayout() {
    }

    /**
     * Removes what an earlier run in {@code dir} wrote when it ended ({@link #OUTPUTS}), as a new run
     * starts there ({@code --force}): killed before it ends, the new run would otherwise leave the
     * old model beside its own checkpoint, and {@code nn evaluate} and the page would mix the two.
     * Returns how many files it removed.
     */
    public static int removeEarlierRun(Path dir) throws java.io.IOException {
        int removed = 0;
        for (String name : OUTPUTS) {
            removed += Files.deleteIfExists(dir.resolve(name)) ? 1 : 0;
        }
        return removed;
    }

    /** Returns true if {@code dir} holds any file of a run. */
    public static boolean isRun(Path dir) {
        return MARKERS.stream().anyMatch(name -> Files.exists(dir.resolve(name)));
    }

    /** Returns true if the run in {@code dir} has not finished: it has a checkpoint. */
    public static boolean unfinished(Path dir) {
        return Files.exists(dir.resolve(CHECKPOINT));
    }

    /**
     * Reads the history of the run in {@code dir}.
     *
     * @throws IOException naming the file if it is missing or not a history
     */
    public static History history(Path dir) throws IOException {
        return HistoryFiles.readJson(dir.resolve(HISTORY));
    }

    /**
     * Reads the spec that run.json in {@code dir} records, or returns null if it records none (a run
     * of an older nn).
     *
     * @throws IOException naming the file if run.json cannot be read or is not UTF-8 text
     * @throws IllegalArgumentException naming the file and the field if run.json's spec is not a spec
     */
    public static RunSpec spec(Path dir) throws IOException {
        Path file = dir.resolve(RUN);
        String text;
        try {
            text = Files.readString(file);
        } catch (CharacterCodingException e) {
            throw new IOException(file + ": not UTF-8 text", e);
        }
        JsonObject run;
        try {
            run = JsonParser.parseString(text).getAsJsonObject();
        } catch (RuntimeException | StackOverflowError e) {
            throw new IllegalArgumentException(file + ": not a run description", e);
        }
        if (!run.has("spec") || !run.get("spec").isJsonObject()) {
            return null;
        }
        try {
            return RunSpec.fromJson(run.getAsJsonObject("spec"));
        } catch (IllegalArgumentException | UsageException e) {
            // a field of the wrong type, or a value the flags would refuse (their message)
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }
}
