package dev.nn.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's directory: which files make it one, and its run.json's spec read back. */
class RunLayoutTests {

    @TempDir
    Path dir;

    @Test
    void anyMarkerMakesARunAndACheckpointAnUnfinishedOne() throws IOException {
        assertFalse(RunLayout.isRun(dir));
        Files.writeString(dir.resolve(RunLayout.EPOCHS), "");
        assertTrue(RunLayout.isRun(dir));
        assertFalse(RunLayout.unfinished(dir));
        Files.writeString(dir.resolve(RunLayout.CHECKPOINT), "");
        assertTrue(RunLayout.unfinished(dir));
    }

    @Test
    void theSpecOfRunJson() throws IOException {
        RunSpec spec = RunSpec.builder().epochs(7).l2(0.2).build();
        Files.writeString(dir.resolve(RunLayout.RUN), "{\"command\": [\"nn\", \"train\"], \"spec\": " + spec.toJson()
                + "}");
        assertEquals(spec, RunLayout.spec(dir));
        Files.writeString(dir.resolve(RunLayout.RUN), "{\"command\": [\"nn\", \"train\"]}");
        assertNull(RunLayout.spec(dir), "a run of an older nn");
        Files.writeString(dir.resolve(RunLayout.RUN), "[]");
        assertEquals(dir.resolve(RunLayout.RUN) + ": not a run description",
                assertThrows(IllegalArgumentException.class, () -> RunLayout.spec(dir)).getMessage());
    }
}
