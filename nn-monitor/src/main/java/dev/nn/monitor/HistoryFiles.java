package dev.nn.monitor;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.nn.core.io.AtomicFiles;
import dev.nn.core.io.JsonFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes histories as JSON (full double precision: reading one back gives the same bits) and CSV,
 * atomically, and reads the JSON back. A metric that was not measured is {@code null} in JSON and
 * empty in CSV.
 */
public final class HistoryFiles {

    /**
     * The field naming the data the test columns were measured on ({@link History#evaluatedOn()}):
     * in history.json and in the header line of a JSON-lines file; {@code "test"} where it is absent.
     */
    public static final String EVALUATED_ON = "evaluatedOn";
    private static final String FORMAT = "nn-history";
    private static final String[] KEYS = {"trainAccuracy", "testAccuracy", "trainCost", "testCost"};

    private HistoryFiles() {
    }

    /** Returns the history as JSON text. */
    public static String toJson(History history) {
        JsonObject root = new JsonObject();
        root.addProperty("format", FORMAT);
        root.addProperty("formatVersion", 1);
        root.addProperty("label", history.label());
        root.addProperty(EVALUATED_ON, history.evaluatedOn());
        JsonArray epochs = new JsonArray();
        for (EpochRecord r : history.records()) {
            epochs.add(toJsonObject(r));
        }
        root.add("epochs", epochs);
        return root.toString();
    }

    private static JsonObject toJsonObject(EpochRecord r) {
        JsonObject o = new JsonObject();
        o.addProperty("epoch", r.epoch());
        double[] values = {r.trainAccuracy(), r.testAccuracy(), r.trainCost(), r.testCost()};
        for (int i = 0; i < KEYS.length; i++) {
            o.add(KEYS[i], value(values[i]));
        }
        return o;
    }

    /** Returns one epoch as the one-line JSON object history.json holds it in {@code epochs}. */
    public static String toJsonLine(EpochRecord r) {
        return toJsonObject(r).toString();
    }

    /**
     * Reads the epochs of a JSON-lines file ({@link EpochLog}): one object per line as
     * {@link #toJsonLine} writes them, lines that are not an epoch (a header, whose
     * {@value #EVALUATED_ON} is the history's) skipped, and a last line cut short (a write in
     * progress) ignored.
     *
     * @throws IOException naming the file, line and field if a whole line is not an epoch
     */
    public static History readJsonLines(Path path, String label) throws IOException {
        String text = new String(Files.readAllBytes(path), java.nio.charset.StandardCharsets.UTF_8);
        List<EpochRecord> records = new ArrayList<>();
        String evaluatedOn = History.TEST;
        String[] lines = text.split("\n", -1);
        // the part after the last newline is a line still being written
        for (int i = 0; i < lines.length - 1; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            JsonElement e;
            try {
                e = com.google.gson.JsonParser.parseString(lines[i]);
            } catch (com.google.gson.JsonParseException bad) {
                throw new IOException(path + ": line " + (i + 1) + ": not valid JSON");
            }
            if (!e.isJsonObject()) {
                continue;
            }
            if (!e.getAsJsonObject().has("epoch")) {
                evaluatedOn = evaluatedOn(e.getAsJsonObject(), path + ": line " + (i + 1), evaluatedOn);
                continue;
            }
            EpochRecord r = record(path + ": line " + (i + 1), 0, e);
            if (!records.isEmpty() && r.epoch() <= records.get(records.size() - 1).epoch()) {
                // a resumed run rewrote its earlier epochs: keep the latest account of each
                while (!records.isEmpty() && records.get(records.size() - 1).epoch() >= r.epoch()) {
                    records.remove(records.size() - 1);
                }
            }
            records.add(r);
        }
        return new History(label, records, evaluatedOn);
    }

    /** The {@value #EVALUATED_ON} of {@code o}, {@code absent} if it has none. */
    private static String evaluatedOn(JsonObject o, String where, String absent) throws IOException {
        JsonElement e = o.get(EVALUATED_ON);
        if (e == null) {
            return absent;
        }
        String value = e.isJsonPrimitive() ? e.getAsString() : null;
        if (History.TEST.equals(value) || History.VALIDATION.equals(value)) {
            return value;
        }
        throw new IOException(where + ": " + EVALUATED_ON + ": expected \"" + History.TEST + "\" or \""
                + History.VALIDATION + "\", found " + e);
    }

    /**
     * A metric in strict JSON: a number; null when it was not measured (NaN); the strings
     * {@code "Infinity"} and {@code "-Infinity"} for infinite values, which JSON has no numbers for.
     */
    private static JsonElement value(double v) {
        if (Double.isNaN(v)) {
            return JsonNull.INSTANCE;
        }
        return Double.isInfinite(v) ? new JsonPrimitive(v > 0 ? "Infinity" : "-Infinity") : new JsonPrimitive(v);
    }

    /**
     * Returns the history as CSV with the header {@code epoch,train_accuracy,test_accuracy,train_cost,test_cost}
     * ({@code validation_accuracy} and {@code validation_cost} for a history measured on the validation data).
     */
    public static String toCsv(History history) {
        String on = history.evaluatedOn();
        StringBuilder csv = new StringBuilder("epoch,train_accuracy," + on + "_accuracy,train_cost," + on + "_cost\n");
        for (EpochRecord r : history.records()) {
            csv.append(r.epoch());
            for (double v : new double[] {r.trainAccuracy(), r.testAccuracy(), r.trainCost(), r.testCost()}) {
                csv.append(',').append(Double.isNaN(v) ? "" : Double.toString(v));
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    /** Writes {@code history} as JSON to {@code path}, atomically. */
    public static void writeJson(Path path, History history) throws IOException {
        AtomicFiles.writeString(path, toJson(history));
    }

    /** Writes {@code history} as CSV to {@code path}, atomically. */
    public static void writeCsv(Path path, History history) throws IOException {
        AtomicFiles.writeString(path, toCsv(history));
    }

    /**
     * Reads a history written by {@link #writeJson}.
     *
     * @throws IOException naming the file and the field if it is not a history
     */
    public static History readJson(Path path) throws IOException {
        return fromJson(JsonFiles.readObject(path, "history file"), path.toString());
    }

    /**
     * Reads a history from the text {@link #toJson} made, as a checkpoint keeps it.
     *
     * @param source names the text in errors
     * @throws IOException naming the source and the field if it is not a history
     */
    public static History fromJson(String json, String source) throws IOException {
        JsonElement root;
        try {
            root = com.google.gson.JsonParser.parseString(json);
        } catch (com.google.gson.JsonParseException e) {
            throw new IOException(source + ": the history is not valid JSON");
        }
        if (root == null || !root.isJsonObject()) {
            throw new IOException(source + ": the history is not a JSON object");
        }
        return fromJson(root.getAsJsonObject(), source);
    }

    private static History fromJson(JsonObject root, String path) throws IOException {
        if (!root.has("epochs") || !root.get("epochs").isJsonArray()) {
            throw new IOException(path + ": epochs: expected an array of epochs (is this an nn history.json?)");
        }
        String label = root.has("label") && root.get("label").isJsonPrimitive() ? root.get("label").getAsString()
                : Path.of(path).getFileName().toString();
        String evaluatedOn = evaluatedOn(root, path, History.TEST);
        List<EpochRecord> records = new ArrayList<>();
        JsonArray epochs = root.getAsJsonArray("epochs");
        for (int i = 0; i < epochs.size(); i++) {
            EpochRecord r = record(path, i, epochs.get(i));
            if (!records.isEmpty() && r.epoch() <= records.get(records.size() - 1).epoch()) {
                throw new IOException(String.format(Locale.ROOT, "%s: epochs[%d].epoch: expected a number above the"
                        + " previous epoch's %d, found %d", path, i, records.get(records.size() - 1).epoch(), r.epoch()));
            }
            records.add(r);
        }
        return new History(label, records, evaluatedOn);
    }

    private static EpochRecord record(String path, int i, JsonElement element) throws IOException {
        if (!element.isJsonObject()) {
            throw new IOException(path + ": epochs[" + i + "]: expected an object");
        }
        JsonObject o = element.getAsJsonObject();
        double[] v = new double[KEYS.length];
        for (int k = 0; k < KEYS.length; k++) {
            v[k] = metric(path, i, KEYS[k], o.get(KEYS[k]));
        }
        return new EpochRecord(epoch(path, i, o.get("epoch")), v[0], v[1], v[2], v[3]);
    }

    private static double metric(String path, int i, String key, JsonElement e) throws IOException {
        if (e == null || e.isJsonNull()) {
            return Double.NaN;
        }
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
            return e.getAsDouble();
        }
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
            switch (e.getAsString()) {
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
        }
        throw new IOException(String.format(Locale.ROOT, "%s: epochs[%d].%s: expected a number, null, \"Infinity\" or"
                + " \"-Infinity\", found %s", path, i, key, e));
    }

    private static int epoch(String path, int i, JsonElement e) throws IOException {
        String field = path + ": epochs[" + i + "].epoch: ";
        if (e == null || e.isJsonNull()) {
            throw new IOException(field + "missing");
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw new IOException(field + "expected a whole number from 1, found " + e);
        }
        double epoch = e.getAsDouble();
        if (!(epoch >= 1) || epoch != Math.rint(epoch) || epoch > Integer.MAX_VALUE) {
            throw new IOException(field + "expected a whole number from 1, found " + e);
        }
        return (int) epoch;
    }
}
