package dev.nn.sweep;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code journal.jsonl}: one line per finished trial, appended in one write and forced to disk, so
 * the file can be read while the sweep runs and a kill leaves at most a partial last line, which
 * reading skips (that trial runs again).
 */
final class Journal {

    private final Path file;

    Journal(Path file) {
        this.file = file;
    }

    /** Appends a finished trial's result. */
    synchronized void append(TrialResult r) throws IOException {
        JsonObject o = new JsonObject();
        o.addProperty("trial", r.trial());
        o.addProperty("status", r.status());
        o.addProperty("reason", r.reason());
        o.addProperty("epochsRun", r.epochsRun());
        number(o, "finalTestAccuracy", r.finalTestAccuracy());
        number(o, "bestTestAccuracy", r.bestTestAccuracy());
        o.addProperty("bestEpoch", r.bestEpoch());
        number(o, "finalTestCost", r.finalTestCost());
        number(o, "minTestCost", r.minTestCost());
        o.addProperty("spikes", r.spikes());
        number(o, "seconds", r.seconds());
        byte[] line = (o + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            out.write(ByteBuffer.wrap(line));
            out.force(true);
        }
    }

    private static void number(JsonObject o, String key, double v) {
        if (Double.isFinite(v)) {
            o.addProperty(key, v);
        }
    }

    private static double number(JsonObject o, String key) {
        return o.has(key) ? o.get(key).getAsDouble() : Double.NaN;
    }

    /** Returns the finished trials by name; a line cut short by a kill is skipped. */
    Map<String, TrialResult> read() throws IOException {
        Map<String, TrialResult> done = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return done;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            JsonObject o;
            try {
                o = JsonParser.parseString(line).getAsJsonObject();
            } catch (RuntimeException partial) {
                continue;
            }
            TrialResult r = new TrialResult(o.get("trial").getAsString(), o.get("status").getAsString(),
                    o.get("reason").getAsString(), o.get("epochsRun").getAsInt(), number(o, "finalTestAccuracy"),
                    number(o, "bestTestAccuracy"), o.get("bestEpoch").getAsInt(), number(o, "finalTestCost"),
                    number(o, "minTestCost"), o.has("spikes") ? o.get("spikes").getAsInt() : 0, number(o, "seconds"));
            done.put(r.trial(), r);
        }
        return done;
    }
}
