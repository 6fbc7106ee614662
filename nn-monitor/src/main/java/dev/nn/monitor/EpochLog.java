package dev.nn.monitor;

import dev.nn.train.TrainingControl;
import dev.nn.train.TrainingListener;
import dev.nn.train.event.EpochDone;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends each epoch's record to a JSON-lines file ({@code epochs.jsonl} in a run directory) as the
 * epoch finishes, one whole line per write, so that another process ({@code nn dashboard}) can follow
 * a run while it trains. The first line is a header ({@code {"run": ...}}); a resumed run rewrites
 * the file with the epochs it restored. Register it after the {@link EvaluationMonitor} it reads.
 */
public final class EpochLog implements TrainingListener {

    /** The file's name in a run directory. */
    public static final String NAME = "epochs.jsonl";

    private final Path file;
    private final EvaluationMonitor monitor;

    /**
     * Starts the file: the header line, then the epochs of {@code restored} (those of a resumed run).
     *
     * @param header a one-line JSON object saying what the run is, such as its command
     * @throws IOException if the file cannot be written
     */
    public EpochLog(Path file, EvaluationMonitor monitor, String header, History restored) throws IOException {
        this.file = file;
        this.monitor = monitor;
        StringBuilder text = new StringBuilder(header).append('\n');
        for (EpochRecord r : restored.records()) {
            text.append(HistoryFiles.toJsonLine(r)).append('\n');
        }
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e); // a full disk names no file
        }
    }

    @Override
    public void epochDone(EpochDone event, TrainingControl control) {
        EpochRecord last = monitor.history().last();
        if (last == null || last.epoch() != event.epoch()) {
            return;
        }
        byte[] line = (HistoryFiles.toJsonLine(last) + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            out.write(ByteBuffer.wrap(line));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file + ": " + e.getMessage(), e);
        }
    }
}
