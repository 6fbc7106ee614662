package dev.nn.core.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that readers see either the old content or the complete new one: the bytes
 * go to a temporary file in the same directory, which is then moved over the target. The file
 * gets the permissions the user's umask gives a new file, as any program's output does.
 */
public final class AtomicFiles {

    /** Writes the content of a file to a stream. */
    @FunctionalInterface
    public interface Content {
        /** Writes everything to {@code out}. */
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Writes {@code target} atomically; on failure the target is untouched and no temporary file remains.
     *
     * @throws IOException naming the target if it cannot be written, or is there and not a regular file
     *     (a directory, a device)
     */
    public static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        if (Files.exists(absolute) && !Files.isRegularFile(absolute)) {
            // moved over, a directory would be refused by the system, a device (as root) replaced
            throw new IOException("cannot write " + target + ": " + PathKind.notAFile(absolute) + ", not a file to replace");
        }
        Path dir = absolute.getParent();
        // not Files.createTempFile: it makes the file readable by its owner only, whatever the umask
        Path tmp = dir.resolve("." + absolute.getFileName() + "." + Long.toHexString(System.nanoTime()) + "-"
                + Long.toHexString(Thread.currentThread().getId()) + ".tmp");
        OutputStream opened;
        try {
            opened = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new IOException("cannot write " + target + ": " + e.getMessage(), e);
        }
        try {
            try (OutputStream out = opened) {
                content.writeTo(out);
            } catch (IOException e) {
                // "No space left on device" names no file, and an image writer's wrapping of it says less
                // ("I/O error writing PNG file!") or spreads over lines: name the file and the first cause
                throw e.getMessage() != null && e.getMessage().contains(target.toString()) ? e
                        : new IOException("cannot write " + target + ": " + firstCause(e), e);
            }
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    /** The message of the deepest cause that has one, on one line. */
    private static String firstCause(Throwable e) {
        String message = e.getMessage();
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        // "org.xml.sax.SAXException: java.io.IOException: No space left on device": the last part says it
        return message.lines().findFirst().orElse("").strip()
                .replaceFirst("^(?:[a-z][\\w$]*(?:\\.[\\w$]+)*\\.[A-Z][\\w$]*(?:Exception|Error): )+", "");
    }

    /**
     * Deletes the temporary files that a write in {@code dir} left when its process was killed
     * before it could finish ({@code .NAME.HEX-HEX.tmp}); call it only where this process holds the
     * directory (another's write may be under way). Returns how many it deleted.
     *
     * @throws IOException if the directory cannot be listed
     */
    public static int removeLeftovers(Path dir) throws IOException {
        int removed = 0;
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().matches("\\..+\\.[0-9a-f]+-[0-9a-f]+\\.tmp"))
                    .toList()) {
                removed += Files.deleteIfExists(p) ? 1 : 0;
            }
        }
        return removed;
    }

    /** Writes a UTF-8 string atomically; see {@link #write(Path, Content)}. */
    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
