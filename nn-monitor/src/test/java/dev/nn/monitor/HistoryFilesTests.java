package dev.nn.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryFilesTests {

    private final History history = new History("L2 lambda=0.2", List.of(
            new EpochRecord(1, 0.1 + 0.2, Double.NaN, 1.0 / 3, 2.0 / 3),
            new EpochRecord(2, 0.5, 0.875, Math.PI, Math.E)));

    @Test
    void jsonRoundTripIsBitExactAndKeepsUnmeasuredMetricsMissing(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("history.json");
        HistoryFiles.writeJson(file, history);
        History back = HistoryFiles.readJson(file);
        assertEquals(history, back);
        assertTrue(Files.readString(file).contains("\"testAccuracy\":null"));
    }

    @Test
    void csvHasAHeaderAndFullPrecision() {
        assertEquals("epoch,train_accuracy,test_accuracy,train_cost,test_cost\n"
                + "1,0.30000000000000004,,0.3333333333333333,0.6666666666666666\n"
                + "2,0.5,0.875,3.141592653589793,2.718281828459045\n", HistoryFiles.toCsv(history));
    }

    @Test
    void readingSomethingElseNamesTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("model.json");
        Files.writeString(file, "{\"sizes\": [1, 2]}");
        IOException e = assertThrows(IOException.class, () -> HistoryFiles.readJson(file));
        assertEquals(file + ": not an nn history file (expected an object with \"epochs\")", e.getMessage());
    }
}
