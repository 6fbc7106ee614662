package dev.nn.run;

import dev.nn.core.io.AtomicFiles;
import dev.nn.core.io.ModelFormatException;
import dev.nn.core.network.Network;
import dev.nn.core.layer.ParameterBlock;
import dev.nn.core.spi.Matrix;
import dev.nn.core.spi.Parameter;
import dev.nn.monitor.History;
import dev.nn.monitor.HistoryFiles;
import dev.nn.monitor.WeightStats;
import dev.nn.monitor.WeightStatsMonitor;
import dev.nn.train.Checkpoint;
import java.io.ByteArrayInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code checkpoint.bin} in a run directory: the run's flags and its {@link RunSpec}, where it stands (epochs and
 * mini-batches done, eta), its history so far, the network's parameters and the update rule's
 * state, in full precision. Written atomically after every epoch (at most once a second), so a kill at any instant leaves
 * the previous checkpoint or the new one; removed when the run's files are all written.
 */
public final class CheckpointFile {

    /** The file's name in the run directory. */
    public static final String NAME = "checkpoint.bin";
    private static final String MAGIC = "nn-checkpoint";
    /**
     * Version 5 keeps the fingerprint of the run's data and ends with a CRC-32C of every byte before
     * it; version 4, still read, is the same without either. Version 3 keeps the run's spec beside its flags; version 2, still read, the flags alone.
     */
    private static final int VERSION = 5;
    /** Version 4: each layer's parameter blocks by name, no checksum. */
    private static final int BLOCKS = 4;
    /** Version 3: the parameters as each layer's weights and biases only. */
    private static final int WEIGHTS_AND_BIASES = 3;
    private static final int FLAGS_ONLY = 2;

    /**
     * What a checkpoint holds.
     *
     * @param args the {@code nn train} flags of the run, as it was started
     * @param spec what the run is, or null in a checkpoint of version 2 (then only its flags say)
     * @param epochsDone the epochs completed
     * @param batchesDone the mini-batches of the next epoch done
     * @param eta the learning rate to go on with
     * @param history the history of the epochs done
     * @param parameters each parameter layer's blocks by name, as the layer stores them (by input):
     *     weights and biases, and any a plugin layer has of its own
     * @param ruleState the update rule's state rows
     * @param weightStats what {@code --weight-stats} had recorded, or null for a run without it
     * @param dataFingerprint the {@link DataFingerprint} of the data the run trained on; 0 if not recorded
     *     (a checkpoint of version 4 or older)
     */
    public record Saved(List<String> args, RunSpec spec, int epochsDone, int batchesDone, double eta, History history,
            List<List<ParameterBlock>> parameters, List<double[]> ruleState,
            WeightStatsMonitor.Snapshot weightStats, long dataFingerprint) {

        /** Copies the lists. */
        public Saved {
            parameters = parameters.stream().map(List::copyOf).toList();
        }

        /**
         * Returns true if this checkpoint is of the run {@code spec} describes, started with
         * {@code args}: by its spec, or for a checkpoint of version 2, which has none, by its flags.
         */
        public boolean isOf(RunSpec spec, List<String> args) {
            return this.spec != null ? this.spec.equals(spec) : this.args.equals(args);
        }
    }

    private CheckpointFile() {
    }

    /** Writes the checkpoint of {@code dir}, atomically, without a data fingerprint. */
    public static void write(Path dir, List<String> args, RunSpec spec, Checkpoint checkpoint, History history,
            WeightStatsMonitor.Snapshot weightStats) throws IOException {
        write(dir, args, spec, checkpoint, history, weightStats, 0);
    }

    /**
     * Writes the checkpoint of {@code dir}, atomically.
     *
     * @param dataFingerprint the {@link DataFingerprint} of the run's data, or 0 if not known
     */
    public static void write(Path dir, List<String> args, RunSpec spec, Checkpoint checkpoint, History history,
            WeightStatsMonitor.Snapshot weightStats, long dataFingerprint) throws IOException {
        byte[] specJson = spec.toJson().getBytes(StandardCharsets.UTF_8);
        byte[] historyJson = HistoryFiles.toJson(history).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(dir.resolve(NAME), stream -> {
            java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
            DataOutputStream file = new DataOutputStream(new BufferedOutputStream(stream, 1 << 16));
            DataOutputStream out = new DataOutputStream(new java.util.zip.CheckedOutputStream(file, crc));
            out.writeUTF(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(args.size());
            for (String arg : args) {
                out.writeUTF(arg);
            }
            out.writeInt(specJson.length);
            out.write(specJson);
            out.writeInt(checkpoint.epochsDone());
            out.writeInt(checkpoint.batchesDone());
            out.writeDouble(checkpoint.eta());
            out.writeInt(historyJson.length);
            out.write(historyJson);
            Network net = checkpoint.network();
            out.writeInt(net.layerCount());
            for (int l = 0; l < net.layerCount(); l++) {
                List<ParameterBlock> blocks = net.parameterLayer(l).parameters();
                out.writeInt(blocks.size());
                for (ParameterBlock block : blocks) {
                    out.writeUTF(block.name());
                    out.writeBoolean(block.regularized());
                    out.writeInt(block.rows().length);
                    for (double[] row : block.rows()) {
                        writeDoubles(out, row, row.length);
                    }
                }
            }
            out.writeInt(checkpoint.ruleState().size());
            for (double[] row : checkpoint.ruleState()) {
                writeDoubles(out, row, row.length);
            }
            writeWeightStats(out, weightStats);
            out.writeLong(dataFingerprint);
            out.flush();
            file.writeInt((int) crc.getValue()); // so that a byte changed after nn wrote it is found on reading
            file.flush();
        });
    }

    /**
     * Reads the checkpoint of {@code dir}.
     *
     * @throws NoSuchFileException if there is no such directory or it has no checkpoint (the run finished, or
     *     never saved an epoch)
     * @throws ModelFormatException naming the file if it is not a whole checkpoint
     */
    public static Saved read(Path dir) throws IOException {
        Path file = dir.resolve(NAME);
        String notADirectory = dev.nn.core.io.PathKind.notADirectory(dir);
        if (notADirectory != null) {
            throw new NoSuchFileException(dir.toString(), null, notADirectory.startsWith("no such") ? "no such run"
                    + " directory" : notADirectory + ", not a run directory");
        }
        if (!Files.isRegularFile(file) && Files.isRegularFile(dir.resolve(dev.nn.sweep.SweepLayout.SPEC))) {
            throw new NoSuchFileException(dir.toString(), null, "a sweep's directory, not a run's: run the same nn sweep"
                    + " again to finish it, or resume one of its runs in " + dir.resolve(dev.nn.sweep.SweepLayout.TRIALS));
        }
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no checkpoint: the run in " + dir
                    + (Files.exists(dir.resolve(RunLayout.MODEL)) ? " finished (its " + RunLayout.MODEL
                    + " is written); there is nothing to resume" : " never saved an epoch"));
        }
        if (Files.size(file) > Integer.MAX_VALUE - 8) {
            throw new ModelFormatException(file + ": " + Files.size(file) + " bytes, more than a checkpoint can be");
        }
        // read whole, so that every count is checked against the bytes that are left before it is allocated
        byte[] bytes = Files.readAllBytes(file);
        int end = bytes.length;
        try (DataInputStream header = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (!MAGIC.equals(header.readUTF())) {
                throw new ModelFormatException(file + ": not an nn checkpoint");
            }
            int version = header.readInt();
            if (version < FLAGS_ONLY || version > VERSION) {
                throw new ModelFormatException(file + ": an nn checkpoint of version " + version + "; this nn reads"
                        + " versions " + FLAGS_ONLY + " to " + VERSION);
            }
            if (version == VERSION) {
                end -= 4;
                java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
                crc.update(bytes, 0, Math.max(0, end));
                if (end < 0 || (int) crc.getValue() != java.nio.ByteBuffer.wrap(bytes, end, 4).getInt()) {
                    throw new ModelFormatException(file + ": its checksum does not match its contents: the file was"
                            + " changed or damaged after nn wrote it; resume from a copy, or start the run again");
                }
            }
        } catch (EOFException | UTFDataFormatException e) {
            throw new ModelFormatException(file + ": ends early; not a whole checkpoint");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, end))) {
            in.readUTF();
            int version = in.readInt();
            List<String> args = new ArrayList<>();
            for (int i = count(in, 2); i > 0; i--) {
                args.add(in.readUTF());
            }
            RunSpec spec = null;
            if (version >= WEIGHTS_AND_BIASES) {
                int length = in.readInt();
                if (length < 0 || length > 1 << 20) {
                    throw new ModelFormatException(file + ": the run spec's length " + length + " is out of range");
                }
                byte[] text = in.readNBytes(length);
                if (text.length < length) {
                    throw new EOFException();
                }
                try {
                    spec = RunSpec.fromJson(new String(text, StandardCharsets.UTF_8));
                } catch (RuntimeException e) {
                    throw new ModelFormatException(file + ": the run spec: " + e.getMessage());
                }
            }
            int epochs = in.readInt();
            int batches = in.readInt();
            double eta = in.readDouble();
            // where the run stands, checked against what a run can be: a checkpoint that passes is one to resume
            if (epochs < 0 || spec != null && epochs > spec.epochs()) {
                throw new ModelFormatException(file + ": epochs done: expected 0.." + (spec == null ? "" : spec.epochs())
                        + ", found " + epochs);
            }
            if (batches < 0) {
                throw new ModelFormatException(file + ": mini-batches done: expected 0 or more, found " + batches);
            }
            if (!(eta > 0) || !Double.isFinite(eta)) {
                throw new ModelFormatException(file + ": eta: expected a finite number > 0, found " + eta);
            }
            byte[] json = in.readNBytes(count(in, 1));
            History history;
            try {
                history = HistoryFiles.fromJson(new String(json, StandardCharsets.UTF_8), file.toString());
            } catch (IOException e) {
                throw new ModelFormatException(e.getMessage());
            }
            List<List<ParameterBlock>> parameters = new ArrayList<>();
            for (int l = count(in, 4); l > 0; l--) {
                parameters.add(version >= BLOCKS ? readBlocks(in) : List.of(
                        new ParameterBlock(Parameter.WEIGHTS, ParameterBlock.byInput(readMatrix(in)), true),
                        new ParameterBlock(Parameter.BIASES, new double[][] {readMatrix(in).data()}, false)));
            }
            List<double[]> state = new ArrayList<>();
            for (int i = count(in, 4); i > 0; i--) {
                state.add(readDoubles(in));
            }
            WeightStatsMonitor.Snapshot stats = readWeightStats(in);
            long fingerprint = version == VERSION ? in.readLong() : 0;
            if (in.available() > 0) {
                throw new ModelFormatException(file + ": " + in.available() + " bytes after the checkpoint's end; not a"
                        + " checkpoint nn wrote");
            }
            return new Saved(List.copyOf(args), spec, epochs, batches, eta, history, parameters, state, stats,
                    fingerprint);
        } catch (EOFException e) {
            throw new ModelFormatException(file + ": ends early; not a whole checkpoint");
        } catch (UTFDataFormatException e) {
            throw new ModelFormatException(file + ": not a whole checkpoint (" + e.getMessage() + ")");
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(file + ": not a whole checkpoint: " + e.getMessage());
        }
    }

    /**
     * Reads a count of items that take at least {@code bytesEach} bytes each; throws EOFException if
     * it is negative or more than the bytes left could hold.
     */
    private static int count(DataInputStream in, int bytesEach) throws IOException {
        int n = in.readInt();
        if (n < 0 || (long) n * bytesEach > in.available()) {
            throw new EOFException();
        }
        return n;
    }

    /** The statistics: a flag, the rows as weights.csv text, and the current epoch's start and flips. */
    private static void writeWeightStats(DataOutputStream out, WeightStatsMonitor.Snapshot stats) throws IOException {
        out.writeBoolean(stats != null);
        if (stats == null) {
            return;
        }
        StringBuilder csv = new StringBuilder();
        stats.rows().forEach(r -> csv.append(r.csv()).append('\n'));
        byte[] text = csv.toString().getBytes(StandardCharsets.UTF_8);
        out.writeInt(text.length);
        out.write(text);
        out.writeBoolean(stats.midEpoch());
        out.writeInt(stats.epochStart().length);
        for (int l = 0; l < stats.epochStart().length; l++) {
            writeDoubles(out, stats.epochStart()[l], stats.epochStart()[l].length);
            out.writeLong(stats.flips()[l]);
            out.writeLong(stats.largeFlips()[l]);
        }
    }

    private static WeightStatsMonitor.Snapshot readWeightStats(DataInputStream in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        String csv = new String(in.readNBytes(count(in, 1)), StandardCharsets.UTF_8);
        List<WeightStats> rows = new ArrayList<>();
        for (String line : csv.split("\n")) {
            if (!line.isEmpty()) {
                String[] f = line.split(",");
                try {
                    rows.add(new WeightStats(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Double.parseDouble(f[2]),
                            Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5]),
                            Long.parseLong(f[6]), Long.parseLong(f[7]), Double.parseDouble(f[8])));
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("a weight statistics row that does not read: " + line);
                }
            }
        }
        boolean midEpoch = in.readBoolean();
        int layers = count(in, 20);
        double[][] start = new double[layers][];
        long[] flips = new long[layers];
        long[] large = new long[layers];
        for (int l = 0; l < layers; l++) {
            start[l] = readDoubles(in);
            flips[l] = in.readLong();
            large[l] = in.readLong();
        }
        return new WeightStatsMonitor.Snapshot(rows, midEpoch, start, flips, large);
    }

    private static void writeMatrix(DataOutputStream out, Matrix m) throws IOException {
        out.writeInt(m.rows());
        out.writeInt(m.cols());
        writeDoubles(out, m.data(), m.size());
    }

    /** One layer's blocks: a count, then each one's name, whether it is regularized, and its rows. */
    private static List<ParameterBlock> readBlocks(DataInputStream in) throws IOException {
        int count = count(in, 4);
        List<ParameterBlock> blocks = new ArrayList<>();
        for (int b = 0; b < count; b++) {
            String name = in.readUTF();
            boolean regularized = in.readBoolean();
            int rows = count(in, 4);
            double[][] values = new double[rows][];
            for (int r = 0; r < rows; r++) {
                values[r] = readDoubles(in);
            }
            try {
                blocks.add(new ParameterBlock(name, values, regularized));
            } catch (IllegalArgumentException e) {
                throw new EOFException(e.getMessage());
            }
        }
        return blocks;
    }

    private static Matrix readMatrix(DataInputStream in) throws IOException {
        int rows = in.readInt();
        int cols = in.readInt();
        double[] values = readDoubles(in);
        // a layer's matrix has a row and a column at least: 0 x 2^30 would be 2^30 empty rows to make
        if (rows < 1 || cols < 1 || values.length != (long) rows * cols) {
            throw new EOFException("a " + rows + "x" + cols + " matrix with " + values.length + " values");
        }
        return Matrix.wrap(rows, cols, values);
    }

    private static void writeDoubles(DataOutputStream out, double[] values, int n) throws IOException {
        out.writeInt(n);
        for (int i = 0; i < n; i++) {
            out.writeDouble(values[i]);
        }
    }

    /** Reads an array written by {@link #writeDoubles}: its length, then its values. */
    private static double[] readDoubles(DataInputStream in) throws IOException {
        double[] values = new double[count(in, 8)];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readDouble();
        }
        return values;
    }
}
