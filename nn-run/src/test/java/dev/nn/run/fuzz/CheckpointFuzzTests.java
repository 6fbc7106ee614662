package dev.nn.run.fuzz;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.nn.core.io.ModelFormatException;
import dev.nn.run.CheckpointFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * checkpoint.bin against any bytes: the reader returns a checkpoint, or throws
 * {@link ModelFormatException} naming the file; never another exception, never a hang, never an
 * allocation its bytes do not justify. Run on the seed corpus in every build; {@code JAZZER_FUZZ=1
 * ./mvnw -pl nn-run test -Dtest=CheckpointFuzzTests} fuzzes.
 */
class CheckpointFuzzTests {

    @FuzzTest(maxDuration = "2m")
    void aCheckpointReadsOrFailsWithItsOwnError(byte[] bytes) throws IOException {
        Path dir = Files.createTempDirectory("nn-fuzz-");
        Path file = dir.resolve(CheckpointFile.NAME);
        try {
            Files.write(file, bytes);
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> check(dir, file));
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    private static void check(Path dir, Path file) throws IOException {
        try {
            CheckpointFile.Saved saved = CheckpointFile.read(dir);
            assertTrue(saved.epochsDone() >= 0 && saved.batchesDone() >= 0 && saved.history() != null, "a checkpoint");
        } catch (ModelFormatException e) {
            assertTrue(e.getMessage() != null && e.getMessage().contains(file.toString()), "names the file: " + e);
        }
    }
}
