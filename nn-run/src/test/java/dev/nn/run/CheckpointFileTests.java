package dev.nn.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.core.io.ModelFormatException;
import dev.nn.core.network.Network;
import dev.nn.monitor.EpochRecord;
import dev.nn.monitor.History;
import dev.nn.train.Checkpoint;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** checkpoint.bin keeps the run's spec beside its flags, and a checkpoint of the flags alone (version 2) still reads. */
class CheckpointFileTests {

    @TempDir
    Path dir;

    private static final List<String> ARGS = List.of("--layers", "784,20,10", "--seed", "7", "--out", "runs/x");
    private static final RunSpec SPEC = RunSpec.builder().layers(784, 20, 10).seed(7).regularizer("max-norm", 3)
            .build();

    private void write() throws IOException {
        Network net = Network.of(784, 20, 10).seed(7).build();
        History history = new History("x", List.of(new EpochRecord(1, 0.5, 0.4, 0.3, 0.2)));
        CheckpointFile.write(dir, ARGS, SPEC, new Checkpoint(1, 20, 0.5, net, List.of()), history, null);
    }

    @Test
    void theSpecTravelsWithTheFlags() throws IOException {
        write();
        CheckpointFile.Saved saved = CheckpointFile.read(dir);
        assertEquals(ARGS, saved.args());
        assertEquals(SPEC, saved.spec());
        assertEquals(1, saved.epochsDone());
        assertEquals(20, saved.batchesDone());
    }

    @Test
    void aCheckpointOfTheFlagsAloneStillReads() throws IOException {
        write();
        Path file = dir.resolve(CheckpointFile.NAME);
        byte[] v3 = Files.readAllBytes(file);
        // version 2 is version 3 without the spec's length and bytes after the flags
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(v3));
        in.readUTF();
        in.readInt();
        for (int i = in.readInt(); i > 0; i--) {
            in.readUTF();
        }
        int specAt = v3.length - in.available();
        int specLength = in.readInt();
        ByteArrayOutputStream v2 = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(v2);
        out.write(v3, 0, specAt);
        out.write(v3, specAt + 4 + specLength, v3.length - specAt - 4 - specLength);
        byte[] bytes = v2.toByteArray();
        int versionAt = 2 + "nn-checkpoint".length();
        bytes[versionAt + 3] = 2;
        Files.write(file, bytes);
        CheckpointFile.Saved saved = CheckpointFile.read(dir);
        assertNull(saved.spec(), "an older nn kept only the flags");
        assertEquals(ARGS, saved.args());
        assertEquals(20, saved.batchesDone());
    }

    @Test
    void anotherVersionIsNamed() throws IOException {
        write();
        Path file = dir.resolve(CheckpointFile.NAME);
        byte[] bytes = Files.readAllBytes(file);
        bytes[2 + "nn-checkpoint".length() + 3] = 9;
        Files.write(file, bytes);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> CheckpointFile.read(dir));
        assertTrue(e.getMessage().endsWith(": an nn checkpoint of version 9; this nn reads versions 2 and 3"),
                e.getMessage());
    }
}
