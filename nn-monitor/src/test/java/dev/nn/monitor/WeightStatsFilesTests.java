package dev.nn.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** weights.csv reads back what was written, and a broken line is named with what was expected. */
class WeightStatsFilesTests {

    @TempDir
    Path dir;

    @Test
    void rowsReadBackBitForBit() throws IOException {
        List<WeightStats> rows = List.of(new WeightStats(1, 1, 0.1 / 3, 0.7, 0.0, 0.25, 12, 7840, 1e-300),
                new WeightStats(2, 2, Math.PI, Math.E, 0.5, 1.0, 0, 300, 0.0));
        Path file = dir.resolve("weights.csv");
        WeightStatsFiles.write(file, rows);
        assertEquals(rows, WeightStatsFiles.read(file));
    }

    @Test
    void aBrokenLineIsNamedInTheFilesTerms() throws IOException {
        Path file = dir.resolve("weights.csv");
        String header = WeightStats.CSV_HEADER + "\n";
        Files.writeString(file, header + "1,1,0.1,0.7,0,0.25,12,7840,0.5\n1,x,0.1,0.7,0,0.25,12,7840,0.5\n");
        assertEquals(file + ": line 3: expected " + WeightStats.CSV_HEADER + " as numbers, found"
                + " '1,x,0.1,0.7,0,0.25,12,7840,0.5'", assertThrows(IOException.class,
                () -> WeightStatsFiles.read(file)).getMessage());
        Files.writeString(file, header + "1,1,0.1\n");
        assertEquals(file + ": line 2: expected 9 fields, found 3", assertThrows(IOException.class,
                () -> WeightStatsFiles.read(file)).getMessage());
        Files.write(file, new byte[] {'e', (byte) 0xff, '\n'});
        assertEquals(file + ": line 1: expected the header " + WeightStats.CSV_HEADER, assertThrows(IOException.class,
                () -> WeightStatsFiles.read(file)).getMessage(), "bytes that are not UTF-8");
    }
}
