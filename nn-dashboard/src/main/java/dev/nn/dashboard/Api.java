package dev.nn.dashboard;

import dev.nn.run.RunLayout;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.nn.monitor.EpochRecord;
import dev.nn.monitor.History;
import dev.nn.sweep.SweepSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The page's JSON: {@code /api/runs} (every run and sweep under the directory), {@code /api/run?path=}
 * (a run's epochs), {@code /api/sweep?path=} (a sweep's grid and results). A path outside the
 * directory, or that is not a run or a sweep, gets no answer (404).
 */
final class Api {

    /** How deep under the directory runs are looked for, and how many directories at most. */
    private static final int MAX_DEPTH = 6;
    private static final int MAX_DIRS = 20_000;

    private final SafePaths paths;
    /** What stops the server when it ends, for the page to say so then: null for {@code nn dashboard}, which runs until stopped. */
    private volatile String endsWith;

    Api(SafePaths paths) {
        this.paths = paths;
    }

    void endsWith(String command) {
        this.endsWith = command;
    }

    /** Returns the JSON answer of {@code path}, or null for 404. */
    String answer(String path, Map<String, String> query) {
        switch (path) {
            case "/api/runs":
                return runs().toString();
            case "/api/run": {
                Path dir = paths.dir(query.get("path"));
                return dir == null || !RunLayout.isRun(dir) ? null : run(RunView.read(paths, dir)).toString();
            }
            case "/api/sweep": {
                Path dir = paths.dir(query.get("path"));
                return dir == null || !SweepView.isSweep(dir) ? null : sweep(SweepView.read(paths, dir)).toString();
            }
            default:
                return null;
        }
    }

    private JsonObject runs() {
        List<Path> runDirs = new ArrayList<>();
        List<Path> sweepDirs = new ArrayList<>();
        walk(paths.root(), 0, runDirs, sweepDirs, new int[1]);
        JsonObject root = new JsonObject();
        root.addProperty("root", paths.root().toString());
        if (endsWith != null) {
            root.addProperty("endsWith", endsWith);
        }
        JsonArray runs = new JsonArray();
        for (Path dir : runDirs) {
            try {
                runs.add(summary(RunView.read(paths, dir), null));
            } catch (RuntimeException e) {
                // one broken run is a row with its problem, never an empty answer for all
                JsonObject broken = unreadable(dir, e);
                broken.addProperty("epochs", 0);
                runs.add(broken);
            }
        }
        JsonArray sweeps = new JsonArray();
        for (Path dir : sweepDirs) {
            try {
                sweeps.add(sweepSummary(dir));
            } catch (RuntimeException e) {
                JsonObject broken = unreadable(dir, e);
                broken.addProperty("trials", 0);
                broken.addProperty("done", 0);
                broken.addProperty("failed", 0);
                broken.add("swept", new JsonArray());
                sweeps.add(broken);
            }
        }
        root.add("runs", runs);
        root.add("sweeps", sweeps);
        return root;
    }

    /** The row of a run or sweep whose files no reader foresaw: its path, and what went wrong. */
    private JsonObject unreadable(Path dir, RuntimeException e) {
        JsonObject row = new JsonObject();
        row.addProperty("path", paths.name(dir));
        row.addProperty("status", "unreadable");
        row.addProperty("problem", String.valueOf(e));
        return row;
    }

    private JsonObject sweepSummary(Path dir) {
        SweepView sweep = SweepView.read(paths, dir);
        JsonObject s = new JsonObject();
        s.addProperty("path", sweep.path());
        s.addProperty("status", sweep.status());
        s.addProperty("trials", sweep.spec() == null ? 0 : sweep.spec().trials().size());
        int statusColumn = sweep.columns().indexOf("status");
        s.addProperty("done", sweep.rows().size());
        s.addProperty("failed", statusColumn < 0 ? 0
                : (int) sweep.rows().stream().filter(r -> r.size() > statusColumn
                        && r.get(statusColumn).equals("failed")).count());
        JsonArray grid = new JsonArray();
        if (sweep.spec() != null) {
            sweep.spec().names().forEach(grid::add);
        }
        s.add("swept", grid);
        s.addProperty("problem", sweep.problem());
        return s;
    }

    /** Finds run and sweep directories; a sweep's trials are its own, not listed on their own. */
    private void walk(Path dir, int depth, List<Path> runs, List<Path> sweeps, int[] seen) {
        if (depth > MAX_DEPTH || ++seen[0] > MAX_DIRS) {
            return;
        }
        if (depth > 0 && SweepView.isSweep(dir)) {
            sweeps.add(dir);
            return;
        }
        if (depth > 0 && RunLayout.isRun(dir)) {
            runs.add(dir);
            return;
        }
        List<Path> children;
        try (Stream<Path> list = Files.list(dir)) {
            children = list.filter(p -> Files.isDirectory(p) && !p.getFileName().toString().startsWith("."))
                    .filter(p -> paths.dir(paths.name(p)) != null).sorted().toList();
        } catch (IOException e) {
            return;
        }
        for (Path child : children) {
            walk(child, depth + 1, runs, sweeps, seen);
        }
    }

    private static JsonObject summary(RunView run, String sweep) {
        JsonObject o = new JsonObject();
        o.addProperty("path", run.path());
        o.addProperty("status", run.status());
        o.addProperty("epochs", run.history().records().size());
        double[] accuracies = run.accuracies();
        o.add("finalTestAccuracy", number(accuracies[0]));
        o.add("bestTestAccuracy", number(accuracies[1]));
        o.addProperty("evaluatedOn", run.history().evaluatedOn());
        o.addProperty("config", run.config());
        o.addProperty("problem", run.problem());
        if (sweep != null) {
            o.addProperty("sweep", sweep);
        }
        return o;
    }

    /** A run's summary and its epochs as rows {@code [epoch, trainAcc, testAcc, trainCost, testCost]}. */
    static JsonObject run(RunView run) {
        JsonObject o = summary(run, null);
        o.addProperty("label", run.history().label());
        o.add("epochs", epochs(run.history()));
        return o;
    }

    static JsonArray epochs(History history) {
        JsonArray rows = new JsonArray();
        for (EpochRecord r : history.records()) {
            rows.add(row(r));
        }
        return rows;
    }

    static JsonArray row(EpochRecord r) {
        JsonArray row = new JsonArray();
        row.add(r.epoch());
        row.add(number(r.trainAccuracy()));
        row.add(number(r.testAccuracy()));
        row.add(number(r.trainCost()));
        row.add(number(r.testCost()));
        return row;
    }

    /** A number, or null where it was not measured or is not finite (the charts leave a gap). */
    static JsonElement number(double v) {
        return Double.isFinite(v) ? new JsonPrimitive(v) : JsonNull.INSTANCE;
    }

    private static JsonObject sweep(SweepView sweep) {
        JsonObject o = new JsonObject();
        o.addProperty("path", sweep.path());
        o.addProperty("status", sweep.status());
        o.addProperty("problem", sweep.problem());
        JsonElement grid = new JsonArray();
        SweepSpec spec = sweep.spec();
        if (spec != null) {
            // the grid as sweep.json writes it: one serializer for both
            grid = JsonParser.parseString(spec.toJson()).getAsJsonObject().get("grid");
            o.addProperty("trials", spec.trials().size());
            o.addProperty("random", spec.random() != null);
        }
        o.add("grid", grid);
        JsonArray swept = new JsonArray();
        if (spec != null) {
            spec.names().forEach(swept::add); // the grid's axes, then the random search's ranges
        }
        o.add("swept", swept);
        JsonArray columns = new JsonArray();
        sweep.columns().forEach(columns::add);
        o.add("columns", columns);
        JsonArray rows = new JsonArray();
        for (List<String> r : sweep.rows()) {
            JsonArray row = new JsonArray();
            r.forEach(row::add);
            rows.add(row);
        }
        o.add("rows", rows);
        return o;
    }
}
