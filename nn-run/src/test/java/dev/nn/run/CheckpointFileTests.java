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

/**
 * checkpoint.bin keeps the run's spec beside its flags and every parameter block by name; the
 * checkpoints of earlier versions (the flags alone; weights and biases only) still read.
 */
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
        assertEquals(0, saved.dataFingerprint(), "written without one");
        assertEquals(ARGS, saved.args());
        assertEquals(SPEC, saved.spec());
        assertEquals(1, saved.epochsDone());
        assertEquals(20, saved.batchesDone());
    }

    /**
     * A checkpoint as nn wrote it before version 4: the flags, the spec (version 3 only), the
     * position and history, then each layer's weights and biases as matrices by unit.
     */
    private static byte[] legacy(int version, Network net) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeUTF("nn-checkpoint");
        out.writeInt(version);
        out.writeInt(ARGS.size());
        for (String arg : ARGS) {
            out.writeUTF(arg);
        }
        if (version == 3) {
            byte[] spec = SPEC.toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            out.writeInt(spec.length);
            out.write(spec);
        }
        out.writeInt(1);
        out.writeInt(20);
        out.writeDouble(0.5);
        byte[] history = dev.nn.monitor.HistoryFiles.toJson(new History("x", List.of(new EpochRecord(1, 0.5, 0.4, 0.3,
                0.2)))).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(history.length);
        out.write(history);
        out.writeInt(net.layerCount());
        for (int l = 0; l < net.layerCount(); l++) {
            for (dev.nn.core.spi.Matrix m : List.of(net.weights(l), net.biases(l))) {
                out.writeInt(m.rows());
                out.writeInt(m.cols());
                out.writeInt(m.size());
                for (double v : m.data()) {
                    out.writeDouble(v);
                }
            }
        }
        out.writeInt(0);
        out.writeBoolean(false);
        return bytes.toByteArray();
    }

    @Test
    void checkpointsOfEarlierVersionsStillRead() throws IOException {
        Network net = Network.of(784, 20, 10).seed(7).build();
        for (int version : new int[] {2, 3}) {
            Files.write(dir.resolve(CheckpointFile.NAME), legacy(version, net));
            CheckpointFile.Saved saved = CheckpointFile.read(dir);
            if (version == 2) {
                assertNull(saved.spec(), "an older nn kept only the flags");
            } else {
                assertEquals(SPEC, saved.spec());
            }
            assertEquals(ARGS, saved.args());
            assertEquals(20, saved.batchesDone());
            Network restored = Network.of(784, 20, 10).seed(8).build();
            restored.setParameterBlocks(saved.parameters());
            assertTrue(restored.sameAs(net), "version " + version + "'s weights and biases");
        }
    }

    /** Every block a layer has, a plugin layer's own too, comes back by name. */
    @Test
    void everyParameterBlockComesBack() throws IOException {
        Network net = Network.from(new dev.nn.core.layer.Shape(1, 8, 8)).layers("conv:3:3,pool:2,dense:10").seed(4)
                .build();
        CheckpointFile.write(dir, ARGS, SPEC, new Checkpoint(1, 0, 0.5, net, List.of()), new History("x", List.of()),
                null);
        CheckpointFile.Saved saved = CheckpointFile.read(dir);
        assertEquals(List.of("weights", "biases"), saved.parameters().get(0).stream()
                .map(dev.nn.core.layer.ParameterBlock::name).toList());
        Network other = Network.from(new dev.nn.core.layer.Shape(1, 8, 8)).layers("conv:3:3,pool:2,dense:10").seed(5)
                .build();
        other.setParameterBlocks(saved.parameters());
        assertTrue(other.sameAs(net));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Network.of(64, 10, 10).build()
                .setParameterBlocks(saved.parameters()));
        assertEquals("layer 0: weights has 64 rows, got 9", e.getMessage());
    }

    /** A bit flipped anywhere after the header, in the weights too, is found by the checksum, never read as a model. */
    @Test
    void aChangedByteIsFoundByTheChecksum() throws IOException {
        write();
        Path file = dir.resolve(CheckpointFile.NAME);
        byte[] whole = Files.readAllBytes(file);
        int header = 2 + "nn-checkpoint".length() + 4;
        int checked = 0;
        for (int at = header; at < whole.length; at += 997) {
            byte[] bytes = whole.clone();
            bytes[at] ^= 0x10;
            Files.write(file, bytes);
            ModelFormatException e = assertThrows(ModelFormatException.class, () -> CheckpointFile.read(dir), "at " + at);
            assertEquals(file + ": its checksum does not match its contents: the file was changed or damaged after nn"
                    + " wrote it; resume from a copy, or start the run again", e.getMessage());
            checked++;
        }
        assertTrue(checked > 100, "positions tried: " + checked);
        // a version 5 file called version 4 (no data fingerprint, no checksum) has 12 bytes too many: refused too
        byte[] four = whole.clone();
        four[header - 1] = 4;
        Files.write(file, four);
        assertEquals(file + ": 12 bytes after the checkpoint's end; not a checkpoint nn wrote", assertThrows(
                ModelFormatException.class, () -> CheckpointFile.read(dir)).getMessage());
        // a checkpoint of version 4, as nn wrote it before checksums, still reads
        Files.write(file, java.util.Arrays.copyOf(four, four.length - 12));
        assertEquals(SPEC, CheckpointFile.read(dir).spec());
    }

    @Test
    void theDataFingerprintTravelsAndTellsDataApart() throws IOException {
        Network net = Network.of(784, 20, 10).seed(7).build();
        dev.nn.core.data.DataSet a = new dev.nn.core.data.ArrayDataSet(new double[][] {{0.5, 0.25}, {1, 0}},
                new int[] {3, 7}, 10);
        dev.nn.core.data.DataSet b = new dev.nn.core.data.ArrayDataSet(new double[][] {{0.5, 0.25}, {1, 0}},
                new int[] {3, 8}, 10);
        long fingerprint = DataFingerprint.of(a, b);
        assertTrue(fingerprint != 0);
        assertEquals(fingerprint, DataFingerprint.of(a, b), "the same data, the same fingerprint");
        assertTrue(fingerprint != DataFingerprint.of(b, a), "training and test swapped");
        assertTrue(fingerprint != DataFingerprint.of(a, a), "another label");
        CheckpointFile.write(dir, ARGS, SPEC, new Checkpoint(1, 0, 0.5, net, List.of()), new History("x", List.of()),
                null, fingerprint);
        assertEquals(fingerprint, CheckpointFile.read(dir).dataFingerprint());
    }

    @Test
    void anotherVersionIsNamed() throws IOException {
        write();
        Path file = dir.resolve(CheckpointFile.NAME);
        byte[] bytes = Files.readAllBytes(file);
        bytes[2 + "nn-checkpoint".length() + 3] = 9;
        Files.write(file, bytes);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> CheckpointFile.read(dir));
        assertTrue(e.getMessage().endsWith(": an nn checkpoint of version 9; this nn reads versions 2 to 5"),
                e.getMessage());
    }
}
