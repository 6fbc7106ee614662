package dev.nn.run.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.nn.core.io.ModelFormatException;
import dev.nn.core.testing.FuzzedFile;
import dev.nn.run.CheckpointFile;
import java.io.IOException;

/**
 * checkpoint.bin against any bytes: the reader returns a checkpoint, or throws
 * {@link ModelFormatException} naming the file; never another exception, never a hang, never an
 * allocation its bytes do not justify. Run on the seed corpus in every build; {@code JAZZER_FUZZ=1
 * ./mvnw -pl nn-run test -Dtest=CheckpointFuzzTests} fuzzes.
 */
class CheckpointFuzzTests {

    @FuzzTest(maxDuration = "2m")
    void aCheckpointReadsOrFailsWithItsOwnError(byte[] bytes) throws IOException {
        FuzzedFile.check(bytes, CheckpointFile.NAME, file -> {
            try {
                CheckpointFile.Saved saved = CheckpointFile.read(file.getParent());
                assertTrue(saved.epochsDone() >= 0 && saved.batchesDone() >= 0 && saved.history() != null,
                        "a checkpoint");
            } catch (ModelFormatException e) {
                FuzzedFile.assertNames(file, e);
            }
        });
    }
}
