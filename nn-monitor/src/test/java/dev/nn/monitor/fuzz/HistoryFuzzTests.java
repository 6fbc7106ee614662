package dev.nn.monitor.fuzz;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.nn.monitor.History;
import dev.nn.monitor.HistoryFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * history.json and epochs.jsonl against any bytes: the reader returns a history, or throws an IOException naming the
 * file; never another exception, never a hang. Run on the seed corpus in every build;
 * {@code JAZZER_FUZZ=1 ./mvnw -pl nn-monitor test -Dtest=HistoryFuzzTests} fuzzes.
 */
class HistoryFuzzTests {

    @FuzzTest(maxDuration = "2m")
    void aHistoryFileReadsOrFailsNamingIt(byte[] bytes) throws IOException {
        Path file = Files.createTempFile("nn-fuzz-", ".json");
        try {
            Files.write(file, bytes);
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> check(file));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @FuzzTest(maxDuration = "2m")
    void anEpochLogReadsOrFailsNamingIt(byte[] bytes) throws IOException {
        Path file = Files.createTempFile("nn-fuzz-", ".jsonl");
        try {
            Files.write(file, bytes);
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                try {
                    assertTrue(HistoryFiles.readJsonLines(file, "x").records() != null, "a history");
                } catch (IOException e) {
                    assertTrue(e.getMessage() != null && e.getMessage().contains(file.toString()),
                            "names the file: " + e);
                }
            });
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void check(Path file) {
        try {
            History history = HistoryFiles.readJson(file);
            assertTrue(history.records() != null, "a history");
        } catch (IOException e) {
            assertTrue(e.getMessage() != null && e.getMessage().contains(file.toString()), "names the file: " + e);
        }
    }
}
