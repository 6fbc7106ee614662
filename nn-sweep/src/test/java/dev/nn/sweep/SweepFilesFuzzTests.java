package dev.nn.sweep;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.nn.core.testing.FuzzedFile;
import java.io.IOException;

/**
 * sweep.json and journal.jsonl against any bytes: a spec reads (and lists its trials) or is refused
 * with an IllegalArgumentException that says why; a journal reads, skipping lines cut short, or
 * throws an IOException naming the file and line; never another exception, never a hang. Run on
 * the seed corpora in every build; {@code JAZZER_FUZZ=1 ./mvnw -pl nn-sweep test
 * -Dtest=SweepFilesFuzzTests#...} fuzzes one.
 */
class SweepFilesFuzzTests {

    @FuzzTest(maxDuration = "2m")
    void aSweepSpecReadsOrIsRefused(byte[] bytes) throws IOException {
        FuzzedFile.check(bytes, "sweep.json", file -> {
            try {
                SweepSpec spec = SweepSpec.read(file);
                assertTrue(spec.trials().size() >= 1, "a spec has trials");
            } catch (IllegalArgumentException e) {
                assertTrue(e.getMessage() != null && e.getMessage().startsWith(file + ": "), "names the file: " + e);
            }
        });
    }

    @FuzzTest(maxDuration = "2m")
    void aJournalReadsOrFailsNamingTheFile(byte[] bytes) throws IOException {
        FuzzedFile.check(bytes, "journal.jsonl", file -> {
            try {
                new Journal(file).contents().all();
            } catch (IOException e) {
                FuzzedFile.assertNames(file, e);
            }
        });
    }
}
