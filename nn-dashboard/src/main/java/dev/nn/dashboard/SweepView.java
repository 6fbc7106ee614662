package dev.nn.dashboard;

import dev.nn.sweep.SweepLayout;
import dev.nn.sweep.Sweep;
import dev.nn.sweep.SweepSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the page shows of a sweep directory: its grid (for the heat map), its trials so far from
 * {@code results.csv}, and its status.
 *
 * @param path the directory, from the served root
 * @param status {@code running} (a trial is), {@code finished} (every trial has a row) or {@code stopped}
 * @param spec the sweep's spec; null if sweep.json is broken
 * @param columns the header of results.csv
 * @param rows its rows
 * @param problem what is wrong with the files, one line; empty if nothing
 */
record SweepView(String path, String status, SweepSpec spec, List<String> columns, List<List<String>> rows,
        String problem) {

    static boolean isSweep(Path dir) {
        return Files.exists(dir.resolve(SweepLayout.SPEC));
    }

    static SweepView read(SafePaths paths, Path dir) {
        List<String> problems = new ArrayList<>();
        SweepSpec spec = null;
        try {
            spec = Sweep.specIn(dir);
        } catch (IOException | RuntimeException e) {
            problems.add("sweep.json: " + e.getMessage().replace(dir + "/sweep.json: ", ""));
        }
        List<String> columns = List.of();
        List<List<String>> rows = new ArrayList<>();
        Path csv = paths.file(dir, SweepLayout.RESULTS);
        if (csv != null) {
            try {
                List<List<String>> all = parse(Files.readString(FileLimits.checked(csv), StandardCharsets.UTF_8));
                if (!all.isEmpty()) {
                    columns = all.get(0);
                    rows.addAll(all.subList(1, all.size()));
                }
            } catch (IOException | RuntimeException e) {
                problems.add("results.csv: " + e.getMessage());
            }
        }
        return new SweepView(paths.name(dir), status(paths, dir, spec, rows.size()), spec, columns, rows,
                String.join("; ", problems));
    }

    private static String status(SafePaths paths, Path dir, SweepSpec spec, int done) {
        Path trials = dir.resolve(SweepLayout.TRIALS);
        if (Files.isDirectory(trials)) {
            try (var list = Files.list(trials)) {
                if (list.filter(Files::isDirectory).anyMatch(t -> RunView.status(paths, t).equals("running"))) {
                    return "running";
                }
            } catch (IOException e) {
                // cannot list the trials: not known to be running
            }
        }
        return spec != null && done >= spec.trials().size() ? "finished" : "stopped";
    }

    /** Parses CSV as results.csv writes it: commas, double quotes around fields that hold them. */
    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else if (c != '\r') {
                field.append(c);
            }
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
