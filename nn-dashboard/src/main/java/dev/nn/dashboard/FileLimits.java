package dev.nn.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The most the page reads of one file. A run's files are small (a 10,000-epoch history.json is
 * about 240 KB); one of hundreds of megabytes, read for every request of a polling page, would fill
 * the heap, so it is a problem line instead.
 */
final class FileLimits {

    /** The largest file the page reads, in bytes. */
    static final long MAX_BYTES = 16L << 20;

    private FileLimits() {
    }

    /**
     * Returns {@code file}, after checking its size.
     *
     * @throws IOException naming the file and its size if it is larger than {@link #MAX_BYTES}
     */
    static Path checked(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new IOException(String.format(Locale.ROOT, "%s is %.0f MB; the page reads files of at most %d MB",
                    file.getFileName(), size / 1048576.0, MAX_BYTES >> 20));
        }
        return file;
    }
}
