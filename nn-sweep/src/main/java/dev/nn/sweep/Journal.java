package dev.nn.sweep;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code journal.jsonl}: one line per finished trial (per trial and rung with successive halving, and
 * a line per rung's decision; with ASHA a line per promotion), and a line per failed trial run that
 * {@code --retry-failed} runs again, appended in one write and forced to disk, so the file can be read
 * while the sweep runs and a kill leaves at most a partial last line, which reading skips (that
 * trial runs again).
 */
final class Journal {

    private final Path file;

    Journal(Path file) {
        this.file = file;
    }

    /** A line of the journal, in the order written. */
    sealed interface Entry permits Ran, Promoted, Retried {
    }

    /** A trial run finished, ok or failed, at a rung (0 without halving). */
    record Ran(int rung, TrialResult result) implements Entry {
    }

    /** ASHA promoted a trial from a rung, which ran to {@code epochs}, to the next. */
    record Promoted(String trial, int rung, int epochs) implements Entry {
    }

    /** A failed trial run at a rung is void and runs again ({@code --retry-failed}). */
    record Retried(String trial, int rung) implements Entry {
    }

    /**
     * What the journal holds.
     *
     * @param byRung each rung's results by trial, in the order they finished (a retried trial's result is gone
     *     until it finishes again)
     * @param decisions successive halving's decisions, by rung
     * @param entries every result, promotion and retry, in the journal's order
     */
    record Contents(Map<Integer, Map<String, TrialResult>> byRung, Map<Integer, RungDecision> decisions,
            List<Entry> entries) {

        /** Returns ASHA's promotions, in the order made. */
        List<Promoted> promotions() {
            return entries.stream().filter(e -> e instanceof Promoted).map(e -> (Promoted) e).toList();
        }

        /** Returns the results of a rung (0 without halving), by trial, in the order they finished. */
        Map<String, TrialResult> rung(int rung) {
            return byRung.getOrDefault(rung, Map.of());
        }

        /** Returns every trial run's result: one per trial, or per trial and rung with halving. */
        List<TrialResult> all() {
            List<TrialResult> all = new ArrayList<>();
            byRung.values().forEach(results -> all.addAll(results.values()));
            return all;
        }

        /** Returns each trial's result of its last rung, by trial. */
        Map<String, TrialResult> latest() {
            Map<String, TrialResult> latest = new LinkedHashMap<>();
            byRung.keySet().stream().sorted().forEach(rung -> latest.putAll(byRung.get(rung)));
            return latest;
        }
    }

    /** Appends a finished trial's result. */
    void append(TrialResult r) throws IOException {
        append(r, 0);
    }

    /** Appends a trial's result at a rung of successive halving (from 1; 0 without halving). */
    synchronized void append(TrialResult r, int rung) throws IOException {
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
        if (rung > 0) {
            o.addProperty("rung", rung);
        }
        write(o);
    }

    /** Appends a rung's decision. */
    synchronized void append(RungDecision d) throws IOException {
        JsonObject o = new JsonObject();
        o.addProperty("rung", d.rung());
        o.addProperty("epochs", d.epochs());
        JsonArray promoted = new JsonArray();
        d.promoted().forEach(promoted::add);
        o.add("promoted", promoted);
        JsonArray stopped = new JsonArray();
        d.stopped().forEach(stopped::add);
        o.add("stopped", stopped);
        write(o);
    }

    /** Appends an ASHA promotion. */
    synchronized void append(Promoted p) throws IOException {
        JsonObject o = new JsonObject();
        o.addProperty("promote", p.trial());
        o.addProperty("rung", p.rung());
        o.addProperty("epochs", p.epochs());
        write(o);
    }

    /** Appends that a failed trial run is to run again. */
    synchronized void append(Retried r) throws IOException {
        JsonObject o = new JsonObject();
        o.addProperty("retry", r.trial());
        if (r.rung() > 0) {
            o.addProperty("rung", r.rung());
        }
        write(o);
    }

    private void write(JsonObject o) throws IOException {
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            // a line a kill cut short is ended first, so that this one stays whole
            String text = o + "\n";
            if (out.size() > 0) {
                ByteBuffer last = ByteBuffer.allocate(1);
                out.read(last, out.size() - 1);
                if (last.get(0) != '\n') {
                    text = "\n" + text;
                }
            }
            out.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), out.size());
            out.force(true);
        } catch (IOException e) {
            throw new IOException("cannot append to " + file + ": " + e.getMessage(), e); // a full disk names no file
        }
    }

    private static void number(JsonObject o, String key, double v) {
        if (Double.isFinite(v)) {
            o.addProperty(key, v);
        }
    }

    private static double number(JsonObject o, String key) {
        if (!o.has(key) || o.get(key).isJsonNull()) {
            return Double.NaN;
        }
        JsonElement e = o.get(key);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw new IllegalArgumentException("field '" + key + "': expected a number, found " + e);
        }
        return e.getAsDouble();
    }

    private static JsonElement field(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            throw new IllegalArgumentException("field '" + key + "' is missing");
        }
        return e;
    }

    private static String string(JsonElement e, String key) {
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new IllegalArgumentException("field '" + key + "': expected a string, found " + e);
        }
        return e.getAsString();
    }

    private static String string(JsonObject o, String key) {
        return string(field(o, key), key);
    }

    private static int count(JsonObject o, String key) {
        double v = number(o, key);
        if (Double.isNaN(v)) {
            throw new IllegalArgumentException("field '" + key + "' is missing");
        }
        if (v != Math.rint(v) || v < 0 || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("field '" + key + "': expected a whole number from 0, found "
                    + o.get(key));
        }
        return (int) v;
    }

    private static List<String> strings(JsonObject o, String key) {
        JsonElement e = field(o, key);
        if (!e.isJsonArray()) {
            throw new IllegalArgumentException("field '" + key + "': expected an array of trial names, found " + e);
        }
        List<String> names = new ArrayList<>();
        e.getAsJsonArray().forEach(name -> names.add(string(name, key)));
        return names;
    }

    /** Returns every result and decision; a line cut short by a kill is skipped. */
    Contents contents() throws IOException {
        Map<Integer, Map<String, TrialResult>> byRung = new LinkedHashMap<>();
        Map<Integer, RungDecision> decisions = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        Contents contents = new Contents(byRung, decisions, entries);
        if (!Files.exists(file)) {
            return contents;
        }
        // decoded leniently: a line with bytes that are not UTF-8 is not JSON, and is skipped as a cut one is
        List<String> lines = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
        for (int n = 0; n < lines.size(); n++) {
            JsonObject o;
            try {
                o = JsonParser.parseString(lines.get(n)).getAsJsonObject();
            } catch (RuntimeException partial) {
                continue;
            }
            try {
                read(o, byRung, decisions, entries);
            } catch (RuntimeException e) {
                throw new IOException(file + ": line " + (n + 1) + " is not a journal entry: " + e.getMessage());
            }
        }
        return contents;
    }

    /** Adds the result or decision of one line. */
    private static void read(JsonObject o, Map<Integer, Map<String, TrialResult>> byRung,
            Map<Integer, RungDecision> decisions, List<Entry> entries) {
        int rung = o.has("rung") ? count(o, "rung") : 0;
        if (o.has("promote")) {
            entries.add(new Promoted(string(o, "promote"), rung, count(o, "epochs")));
            return;
        }
        if (o.has("retry")) {
            String trial = string(o, "retry");
            entries.add(new Retried(trial, rung));
            byRung.getOrDefault(rung, new LinkedHashMap<>()).remove(trial);
            return;
        }
        if (o.has("promoted")) {
            decisions.put(rung, new RungDecision(rung, count(o, "epochs"), strings(o, "promoted"), strings(o, "stopped")));
            return;
        }
        TrialResult r = new TrialResult(string(o, "trial"), string(o, "status"), string(o, "reason"),
                count(o, "epochsRun"), number(o, "finalTestAccuracy"), number(o, "bestTestAccuracy"),
                count(o, "bestEpoch"), number(o, "finalTestCost"), number(o, "minTestCost"),
                o.has("spikes") ? count(o, "spikes") : 0, number(o, "seconds"));
        byRung.computeIfAbsent(rung, k -> new LinkedHashMap<>()).put(r.trial(), r);
        entries.add(new Ran(rung, r));
    }
}
