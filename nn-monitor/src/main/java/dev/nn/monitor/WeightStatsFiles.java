package dev.nn.monitor;

import dev.nn.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes and reads {@code weights.csv}, the rows of {@link WeightStatsMonitor}. */
public final class WeightStatsFiles {

    private WeightStatsFiles() {
    }

    /** Writes the rows atomically, numbers in full precision. */
    public static void write(Path path, List<WeightStats> rows) throws IOException {
        StringBuilder csv = new StringBuilder(WeightStats.CSV_HEADER).append('\n');
        rows.forEach(row -> csv.append(row.csv()).append('\n'));
        AtomicFiles.writeString(path, csv.toString());
    }

    /**
     * Reads a file {@link #write} wrote.
     *
     * @throws IOException naming the file and line if it is not such a file
     */
    public static List<WeightStats> read(Path path) throws IOException {
        // read leniently: bytes that are not UTF-8 make a line that is not numbers, refused below
        List<String> lines = new String(Files.readAllBytes(path), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        if (lines.isEmpty() || !lines.get(0).equals(WeightStats.CSV_HEADER)) {
            throw new IOException(path + ": line 1: expected the header " + WeightStats.CSV_HEADER);
        }
        List<WeightStats> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", -1);
            if (f.length != 9) {
                throw new IOException(path + ": line " + (i + 1) + ": expected 9 fields, found " + f.length);
            }
            try {
                rows.add(new WeightStats(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Double.parseDouble(f[2]),
                        Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5]),
                        Long.parseLong(f[6]), Long.parseLong(f[7]), Double.parseDouble(f[8])));
            } catch (IllegalArgumentException e) { // NumberFormatException is one
                throw new IOException(path + ": line " + (i + 1) + ": expected " + WeightStats.CSV_HEADER
                        + " as numbers, found '" + lines.get(i) + "'");
            }
        }
        return rows;
    }
}
