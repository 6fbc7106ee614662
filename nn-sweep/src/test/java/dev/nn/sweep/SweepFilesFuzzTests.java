package dev.nn.sweep;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * sweep.json and journal.jsonl against any bytes: a spec reads (and lists its trials) or is refused
 * with an IllegalArgumentException that says why; a journal reads, skipping lines cut short, or
 * throws an IOException naming the file and line; never another exception, never a hang. Run on
 * the seed corpora in every build; {@code JAZZER_FUZZ=1 ./mvnw -pl nn-sweep test
 * -Dtest=SweepFilesFuzzTests} fuzzes.
 */
class SweepFilesFuzzTests {

    private static final Duration BOUND = Duration.ofSeconds(20);

    @FuzzTest(maxDuration = "2m")
    void aSweepSpecReadsOrIsRefused(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTimeoutPreemptively(BOUND, () -> {
            try {
                SweepSpec spec = SweepSpec.fromJson(text);
                assertTrue(spec.trials().size() >= 1, "a spec has trials");
            } catch (IllegalArgumentException e) {
                assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "says why: " + e);
            }
        });
    }

    @FuzzTest(maxDuration = "2m")
    void aJournalReadsOrFailsNamingTheFile(byte[] bytes) throws IOException {
        Path file = Files.createTempFile("nn-fuzz-", ".jsonl");
        try {
            Files.write(file, bytes);
            assertTimeoutPreemptively(BOUND, () -> {
                try {
                    new Journal(file).contents().all();
                } catch (IOException e) {
                    assertTrue(e.getMessage() != null && e.getMessage().contains(file.toString()), "names the file: " + e);
                }
            });
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
