package dev.nn.monitor.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.nn.core.testing.FuzzedFile;
import dev.nn.monitor.HistoryFiles;
import java.io.IOException;

/**
 * history.json and epochs.jsonl against any bytes: the readers return a history, or throw an
 * IOException naming the file; never another exception, never a hang. Run on the seed corpora in
 * every build; {@code JAZZER_FUZZ=1 ./mvnw -pl nn-monitor test -Dtest=HistoryFuzzTests#...} fuzzes one.
 */
class HistoryFuzzTests {

    @FuzzTest(maxDuration = "2m")
    void aHistoryFileReadsOrFailsNamingIt(byte[] bytes) throws IOException {
        FuzzedFile.check(bytes, "history.json", file -> {
            try {
                assertTrue(HistoryFiles.readJson(file).records() != null, "a history");
            } catch (IOException e) {
                FuzzedFile.assertNames(file, e);
            }
        });
    }

    @FuzzTest(maxDuration = "2m")
    void anEpochLogReadsOrFailsNamingIt(byte[] bytes) throws IOException {
        FuzzedFile.check(bytes, "epochs.jsonl", file -> {
            try {
                assertTrue(HistoryFiles.readJsonLines(file, "x").records() != null, "a history");
            } catch (IOException e) {
                FuzzedFile.assertNames(file, e);
            }
        });
    }
}
