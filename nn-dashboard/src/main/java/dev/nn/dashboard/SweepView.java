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
 * What the page shows of a sweep directory: its grid (for the heat map), its trials so far (from
 * {@code journal.jsonl}, which grows as trials finish, or else {@code results.csv}), and its status.
 *
 * @param path the directory, from the served root
 * @param status {@code running} (a trial is), {@code finished} (every trial has a row) or {@code stopped}
 * @param spec the sweep's spec; null if sweep.json is broken
 * @param columns the header of results.csv
 * @param rows its rows, as far as the sweep got
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
            problems.add(SweepLayout.SPEC + ": " + withoutPath(e, dir.resolve(SweepLayout.SPEC)));
        }
        List<String> columns = List.of();
        List<List<String>> rows = new ArrayList<>();
        // while a sweep runs, results.csv is not written yet: its journal has the trials so far
        Path journal = spec == null ? null : paths.file(dir, SweepLayout.JOURNAL);
        Path source = journal != null ? journal : paths.file(dir, SweepLayout.RESULTS);
        if (source != null) {
            try {
                String text = journal != null ? resultsFromJournal(dir, journal, spec)
                        : Files.readString(FileLimits.checked(source), StandardCharsets.UTF_8);
                List<List<String>> all = parse(text);
                if (!all.isEmpty()) {
                    columns = all.get(0);
                    keepWholeRows(all, rows, problems);
                }
            } catch (IOException | RuntimeException e) {
                problems.add(source.getFileName() + ": " + withoutPath(e, source));
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

    /** An error's message without the file's path, which the page says by name. */
    private static String withoutPath(Exception e, Path file) {
        return e.getMessage() == null ? e.toString() : e.getMessage().replace(file + ": ", "");
    }

    private static String resultsFromJournal(Path dir, Path journal, SweepSpec spec) throws IOException {
        FileLimits.checked(journal);
        return Sweep.resultsSoFar(dir, spec);
    }

    /**
     * Adds the rows after the header that have one field per column; a row of another width (a file
     * cut short, or edited) is left out and said once, with how many were.
     */
    private static void keepWholeRows(List<List<String>> all, List<List<String>> rows, List<String> problems) {
        int width = all.get(0).size();
        int left = 0;
        String first = null;
        for (int r = 1; r < all.size(); r++) {
            List<String> row = all.get(r);
            if (row.size() == width) {
                rows.add(row);
            } else {
                left++;
                if (first == null) {
                    first = "row " + r + " has " + row.size() + (row.size() == 1 ? " field" : " fields")
                            + ", the header " + width;
                }
            }
        }
        if (left > 0) {
            problems.add(SweepLayout.RESULTS + ": " + first + (left > 1 ? " (" + left + " rows left out)" : " (left out)"));
        }
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
