package dev.nn.monitor;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.nn.core.io.AtomicFiles;
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
        JsonArray epochs = new JsonArray();
        for (EpochRecord r : history.records()) {
            JsonObject o = new JsonObject();
            o.addProperty("epoch", r.epoch());
            double[] values = {r.trainAccuracy(), r.testAccuracy(), r.trainCost(), r.testCost()};
            for (int i = 0; i < KEYS.length; i++) {
                o.add(KEYS[i], Double.isNaN(values[i]) ? JsonNull.INSTANCE : new JsonPrimitive(values[i]));
            }
            epochs.add(o);
        }
        root.add("epochs", epochs);
        return root.toString();
    }

    /** Returns the history as CSV with the header {@code epoch,train_accuracy,test_accuracy,train_cost,test_cost}. */
    public static String toCsv(History history) {
        StringBuilder csv = new StringBuilder("epoch,train_accuracy,test_accuracy,train_cost,test_cost\n");
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
        JsonObject root;
        try {
            JsonElement element = JsonParser.parseString(Files.readString(path));
            if (!element.isJsonObject() || !element.getAsJsonObject().has("epochs")) {
                throw new IOException(path + ": not an nn history file (expected an object with \"epochs\")");
            }
            root = element.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new IOException(path + ": not valid JSON: " + e.getMessage(), e);
        }
        String label = root.has("label") && !root.get("label").isJsonNull() ? root.get("label").getAsString()
                : path.getFileName().toString();
        List<EpochRecord> records = new ArrayList<>();
        JsonArray epochs = root.getAsJsonArray("epochs");
        for (int i = 0; i < epochs.size(); i++) {
            records.add(record(path, i, epochs.get(i)));
        }
        return new History(label, records);
    }

    private static EpochRecord record(Path path, int i, JsonElement element) throws IOException {
        if (!element.isJsonObject()) {
            throw new IOException(path + ": epochs[" + i + "]: expected an object");
        }
        JsonObject o = element.getAsJsonObject();
        double[] v = new double[KEYS.length];
        for (int k = 0; k < KEYS.length; k++) {
            JsonElement e = o.get(KEYS[k]);
            try {
                v[k] = e == null || e.isJsonNull() ? Double.NaN : e.getAsDouble();
            } catch (RuntimeException ex) {
                throw new IOException(String.format(Locale.ROOT, "%s: epochs[%d].%s: expected a number or null, found %s",
                        path, i, KEYS[k], e));
            }
        }
        if (!o.has("epoch")) {
            throw new IOException(path + ": epochs[" + i + "].epoch: missing");
        }
        return new EpochRecord(o.get("epoch").getAsInt(), v[0], v[1], v[2], v[3]);
    }
}
