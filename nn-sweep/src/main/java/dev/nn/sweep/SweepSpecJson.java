package dev.nn.sweep;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;

/** sweep.json: a {@link SweepSpec} as JSON and back, each field checked with a message naming it. */
final class SweepSpecJson {

    private SweepSpecJson() {
    }

    /** Returns {@code spec} as sweep.json holds it. */
    static String write(SweepSpec spec) {
        List<SweepSpec.Axis> grid = spec.grid();
        RandomSearch random = spec.random();
        List<Long> seeds = spec.seeds();
        List<String> base = spec.base();
        Halving halving = spec.halving();
        Asha asha = spec.asha();
        JsonObject root = new JsonObject();
        JsonArray axes = new JsonArray();
        for (SweepSpec.Axis a : grid) {
            JsonObject axis = new JsonObject();
            axis.addProperty("name", a.name());
            JsonArray values = new JsonArray();
            a.values().forEach(values::add);
            axis.add("values", values);
            if (a.isNamed()) {
                JsonObject flags = new JsonObject();
                a.flags().forEach((value, f) -> {
                    JsonArray list = new JsonArray();
                    f.forEach(list::add);
                    flags.add(value, list);
                });
                axis.add("flags", flags);
            }
            axes.add(axis);
        }
        root.add("grid", axes);
        if (random != null) {
            JsonObject search = new JsonObject();
            search.addProperty("points", random.points());
            search.addProperty("seed", random.seed());
            JsonArray ranges = new JsonArray();
            for (RandomSearch.Range r : random.ranges()) {
                JsonObject range = new JsonObject();
                range.addProperty("name", r.name());
                JsonArray values = new JsonArray();
                r.values().forEach(values::add);
                range.add(r.kind().id(), values);
                ranges.add(range);
            }
            search.add("ranges", ranges);
            root.add("random", search);
        }
        JsonArray seedArray = new JsonArray();
        seeds.forEach(seedArray::add);
        root.add("seeds", seedArray);
        JsonArray baseArray = new JsonArray();
        base.forEach(baseArray::add);
        root.add("base", baseArray);
        if (halving != null) {
            root.add("halving", rateAndRungs(halving));
        }
        if (asha != null) {
            JsonObject a = rateAndRungs(asha.asHalving()); // read back by halving(), as the halving's are
            a.addProperty("maxTrials", asha.maxTrials());
            a.addProperty("mode", asha.mode().id());
            root.add("asha", a);
        }
        return new com.google.gson.GsonBuilder().setPrettyPrinting().create().toJson(root) + "\n";
    }

    /** {@code {"rate": 3, "rungs": [...]}}, as successive halving and ASHA both write them. */
    private static JsonObject rateAndRungs(Halving halving) {
        JsonObject o = new JsonObject();
        o.addProperty("rate", halving.rate());
        JsonArray rungs = new JsonArray();
        halving.rungs().forEach(rungs::add);
        o.add("rungs", rungs);
        return o;
    }

    /** Reads what {@link #write} wrote, as {@link SweepSpec#fromJson} says. */
    static SweepSpec read(String json) {
        JsonObject root;
        try {
            root = JsonParser.parseString(json).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a JSON object: " + e.getMessage());
        }
        // a misspelt field would otherwise drop what it holds (a random search, an ASHA) without a word
        known(root, "a sweep spec", "grid", "random", "seeds", "repeats", "base", "halving", "asha");
        List<SweepSpec.Axis> grid = new ArrayList<>();
        for (JsonElement e : array(root, "grid")) {
            if (!e.isJsonObject()) {
                throw new IllegalArgumentException("field 'grid': expected objects {\"name\": ..., \"values\": [...]},"
                        + " got " + e);
            }
            JsonObject axis = e.getAsJsonObject();
            known(axis, "a grid axis", "name", "values", "flags");
            if (!axis.has("name") || !axis.get("name").isJsonPrimitive()) {
                throw new IllegalArgumentException("field 'grid': an axis without a \"name\": " + axis);
            }
            List<String> values = new ArrayList<>();
            array(axis, "values").forEach(v -> values.add(primitive(v, "values").getAsString()));
            java.util.Map<String, List<String>> flags = new java.util.LinkedHashMap<>();
            if (axis.has("flags")) {
                if (!axis.get("flags").isJsonObject()) {
                    throw new IllegalArgumentException("field 'flags': expected {\"NAME\": [\"--flag\", ...], ...},"
                            + " got " + axis.get("flags"));
                }
                for (var run : axis.getAsJsonObject("flags").entrySet()) {
                    List<String> list = new ArrayList<>();
                    if (!run.getValue().isJsonArray()) {
                        throw new IllegalArgumentException("field 'flags': " + run.getKey() + " needs an array of flags,"
                                + " got " + run.getValue());
                    }
                    run.getValue().getAsJsonArray().forEach(v -> list.add(primitive(v, "flags").getAsString()));
                    flags.put(run.getKey(), list);
                }
            }
            grid.add(new SweepSpec.Axis(axis.get("name").getAsString(), values, flags));
        }
        RandomSearch random = root.has("random") ? random(root.get("random")) : null;
        List<Long> seeds = new ArrayList<>();
        for (JsonElement v : array(root, "seeds")) {
            try {
                seeds.add(primitive(v, "seeds").getAsLong());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("field 'seeds': expected whole numbers, got " + v);
            }
        }
        if (root.has("repeats")) {
            int repeats;
            try {
                repeats = primitive(root.get("repeats"), "repeats").getAsInt();
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("field 'repeats': expected a whole number, got " + root.get("repeats"));
            }
            if (seeds.size() != 1) {
                throw new IllegalArgumentException("field 'repeats': derives the seeds from one first seed, got seeds "
                        + seeds);
            }
            seeds = SweepSpec.repeats(seeds.get(0), repeats);
        }
        List<String> base = new ArrayList<>();
        array(root, "base").forEach(v -> base.add(primitive(v, "base").getAsString()));
        return new SweepSpec(grid, random, seeds, base, root.has("halving") ? rootHalving(root.get("halving")) : null,
                root.has("asha") ? asha(root.get("asha")) : null);
    }

    /**
     * Reads {@code "asha": {"rate": 3, "rungs": [...], "maxTrials": 24, "mode": "reproducible"}}; a spec
     * file may leave out the rungs (worked out as {@link Halving#of} would), the rate (3), the mode
     * (reproducible) and the trials (all of the sweep's, given as 0).
     */
    private static Asha asha(JsonElement element) {
        if (!element.isJsonObject()) {
            throw new IllegalArgumentException("field 'asha': expected {\"rate\": 3, \"maxTrials\": N}, got " + element);
        }
        JsonObject a = element.getAsJsonObject();
        known(a, "asha", "rate", "rungs", "maxTrials", "mode");
        Halving rungs = halving(a);
        int maxTrials;
        try {
            maxTrials = a.has("maxTrials") ? primitive(a.get("maxTrials"), "maxTrials").getAsInt() : 0;
            if (a.has("maxTrials") && maxTrials < 1) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("field 'maxTrials': expected a whole number >= 1, got " + a.get("maxTrials"));
        }
        Asha.Mode mode = Asha.Mode.of(a.has("mode") ? primitive(a.get("mode"), "mode").getAsString() : "reproducible");
        return new Asha(rungs.rate(), rungs.rungs(), maxTrials, mode);
    }

    /** Reads the spec's {@code "halving"}, which has a rate and rungs only. */
    private static Halving rootHalving(JsonElement element) {
        if (element.isJsonObject()) {
            known(element.getAsJsonObject(), "halving", "rate", "rungs");
        }
        return halving(element);
    }

    /** Refuses a field that {@code object} (what the message calls {@code what}) does not have. */
    private static void known(JsonObject object, String what, String... fields) {
        for (String key : object.keySet()) {
            if (!List.of(fields).contains(key)) {
                throw new IllegalArgumentException("field '" + key + "': not a field of " + what + "; expected "
                        + String.join(", ", List.of(fields).subList(0, fields.length - 1)) + " or "
                        + fields[fields.length - 1]);
            }
        }
    }

    /**
     * Reads {@code "halving": {"rate": 3, "rungs": [44, 133, 400]}}; a spec file may leave out the
     * rungs, for the application to fill in with {@link Halving#of}.
     */
    private static Halving halving(JsonElement element) {
        if (!element.isJsonObject()) {
            throw new IllegalArgumentException("field 'halving': expected {\"rate\": 3}, got " + element);
        }
        JsonObject h = element.getAsJsonObject();
        int rate;
        try {
            rate = h.has("rate") ? primitive(h.get("rate"), "rate").getAsInt() : Halving.DEFAULT_RATE;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("field 'rate': expected a whole number >= 2, got " + h.get("rate"));
        }
        if (!h.has("rungs")) {
            return new Halving(rate, List.of());
        }
        List<Integer> rungs = new ArrayList<>();
        for (JsonElement v : array(h, "rungs")) {
            try {
                rungs.add(primitive(v, "rungs").getAsInt());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("field 'rungs': expected whole numbers, got " + v);
            }
        }
        return new Halving(rate, rungs);
    }

    private static RandomSearch random(JsonElement element) {
        if (!element.isJsonObject()) {
            throw new IllegalArgumentException("field 'random': expected {\"points\": N, \"seed\": S, \"ranges\":"
                    + " [...]}, got " + element);
        }
        JsonObject search = element.getAsJsonObject();
        known(search, "random", "points", "seed", "ranges");
        List<RandomSearch.Range> ranges = new ArrayList<>();
        for (JsonElement e : array(search, "ranges")) {
            if (!e.isJsonObject() || !e.getAsJsonObject().has("name")) {
                throw new IllegalArgumentException("field 'ranges': expected objects {\"name\": ..., \"uniform\" or"
                        + " \"log-uniform\" or \"choice\": [...]}, got " + e);
            }
            JsonObject range = e.getAsJsonObject();
            String name = primitive(range.get("name"), "name").getAsString();
            RandomSearch.Kind kind = null;
            for (String key : range.keySet()) {
                if (!key.equals("name")) {
                    if (kind != null || RandomSearch.Kind.of(key) == null) {
                        throw new IllegalArgumentException("field 'ranges': " + name + " needs one of uniform,"
                                + " log-uniform or choice, got " + range.keySet());
                    }
                    kind = RandomSearch.Kind.of(key);
                }
            }
            if (kind == null) {
                throw new IllegalArgumentException("field 'ranges': " + name + " needs uniform, log-uniform or choice");
            }
            List<String> values = new ArrayList<>();
            for (JsonElement v : array(range, kind.id())) {
                values.add(primitive(v, kind.id()).getAsString());
            }
            ranges.add(new RandomSearch.Range(name, kind, values));
        }
        try {
            return new RandomSearch(primitive(search.get("points"), "points").getAsInt(),
                    primitive(search.get("seed"), "seed").getAsLong(), ranges);
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException("field 'random': expected whole numbers \"points\" and \"seed\"");
        }
    }

    private static JsonArray array(JsonObject object, String field) {
        JsonElement e = object.get(field);
        if (e == null || !e.isJsonArray()) {
            throw new IllegalArgumentException("field '" + field + "': expected an array, got "
                    + (e == null ? "nothing" : e));
        }
        return e.getAsJsonArray();
    }

    private static com.google.gson.JsonPrimitive primitive(JsonElement e, String field) {
        if (e == null) {
            throw new IllegalArgumentException("field '" + field + "': missing");
        }
        if (!e.isJsonPrimitive()) {
            throw new IllegalArgumentException("field '" + field + "': expected strings or numbers, got " + e);
        }
        return e.getAsJsonPrimitive();
    }
}
