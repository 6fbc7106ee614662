package dev.nn.run;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Keeps a second nn process out of a run directory while one writes it: an operating-system lock
 * on {@code .nn-lock} in the directory, released (and the file removed) when the run is done, and
 * released by the system if the process dies, so a killed run can be resumed. The file holds the
 * process id of the holder and the time it started, which readers use to tell a run in progress
 * without taking the lock ({@link #heldIn}): a killed run's id may have gone to another process since.
 */
public final class RunLock implements AutoCloseable {

    /** The lock file's name. */
    public static final String NAME = ".nn-lock";

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of {@code dir}.
     *
     * @throws UsageException naming the directory if another process holds it
     */
    public static RunLock take(Path dir) throws IOException {
        Path file = dir.resolve(NAME);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new UsageException(dir + " is being written by another nn process; wait for it, or choose another"
                    + " --out");
        }
        // the holder's process id, so that a reader (nn dashboard) can tell a running run without locking
        channel.truncate(0);
        ProcessHandle self = ProcessHandle.current();
        channel.write(java.nio.ByteBuffer.wrap((self.pid() + " " + startOf(self) + "\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII)), 0);
        return new RunLock(file, channel, lock);
    }

    /**
     * Tells whether a live process holds the lock of the directory whose lock file is {@code file}, from
     * what the file says: the process it names is alive and started when the file says (the id of a
     * killed run may have gone to another process). A file of an older nn names the process only.
     */
    public static boolean heldIn(Path file) {
        String[] fields;
        try {
            fields = Files.readString(file, java.nio.charset.StandardCharsets.US_ASCII).trim().split(" ");
        } catch (IOException e) {
            return false;
        }
        try {
            java.util.Optional<ProcessHandle> holder = ProcessHandle.of(Long.parseLong(fields[0]));
            return holder.isPresent() && holder.get().isAlive()
                    && (fields.length < 2 || fields[1].equals(Long.toString(startOf(holder.get()))));
        } catch (NumberFormatException e) {
            return false; // an empty or damaged file: nobody to ask
        }
    }

    /** The process's start in milliseconds since 1970, or -1 where the system does not say. */
    private static long startOf(ProcessHandle process) {
        return process.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(-1L);
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
        lock.release();
        channel.close();
    }
}
