package dev.nn.app.cli;

import dev.nn.run.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** The directory a command writes its results to, checked for writing before any work starts. */
public final class RunDirectory {

    private RunDirectory() {
    }

    /** Returns {@code runs/<name>-<yyyyMMdd-HHmmss>}, with {@code -2}, {@code -3}, ... if that already exists. */
    public static Path timestamped(String name) {
        Path base = Path.of("runs", name + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Path dir = base;
        for (int n = 2; Files.exists(dir); n++) {
            dir = Path.of(base + "-" + n);
        }
        return dir;
    }

    /**
     * Returns an absolute path as the user would type it: relative to the working directory when it
     * lies under it, as every command prints the directories it writes.
     */
    public static Path shown(Path absolute) {
        Path cwd = Path.of("").toAbsolutePath().normalize();
        Path path = absolute.toAbsolutePath().normalize();
        if (path.startsWith(cwd) && !path.equals(cwd)) {
            return cwd.relativize(path);
        }
        return path.equals(cwd) ? Path.of(".") : absolute;
    }

    /**
     * Checks, creating nothing, that {@code dir} could be made and written: it is a writable
     * directory, or the nearest directory above it that exists is writable. A command checks its
     * output this way before it looks for data, so that a failure there leaves nothing behind.
     *
     * @throws IOException naming the directory if it cannot be
     */
    public static Path check(Path dir) throws IOException {
        checkNotNothingOrRoot(dir);
        Path existing = dir.toAbsolutePath().normalize();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
            throw new IOException("cannot write to output directory " + dir + ": " + (existing == null ? "no such"
                    + " file system" : !Files.isDirectory(existing) ? existing + " is not a directory"
                    : "permission denied" + (existing.equals(dir.toAbsolutePath().normalize()) ? "" : " (" + existing
                    + ")")));
        }
        return dir;
    }

    /**
     * Checks the directory of one run as {@link #check} does, and refuses it if it already holds
     * files (an earlier run, whose model would be lost) unless {@code force}; creates nothing.
     *
     * @throws UsageException naming the directory if it is not empty and not forced
     */
    public static Path checkForRun(Path dir, boolean force) throws IOException {
        checkNotNothingOrRoot(dir);
        refuseNonEmpty(dir, force);
        return check(dir);
    }

    /**
     * Creates {@code dir} if needed and proves it can be written.
     *
     * @throws IOException naming the directory if it cannot be created or written
     */
    public static Path prepare(Path dir) throws IOException {
        checkNotNothingOrRoot(dir);
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".nn-write-check", ".tmp");
            Files.delete(probe);
            return dir;
        } catch (IOException e) {
            throw new IOException("cannot write to output directory " + dir + ": " + reason(e), e);
        }
    }

    /**
     * Refuses, unless {@code force}, to write over any of {@code names} in {@code dir}: the first
     * that is there is named, followed by {@code remedy}.
     *
     * @throws UsageException naming the file that is there
     */
    public static void refuseToReplace(Path dir, List<String> names, boolean force, String remedy) {
        for (String name : names) {
            Path file = dir.resolve(name);
            if (!force && Files.exists(file)) {
                throw new UsageException(file + " is there already" + remedy);
            }
        }
    }

    private static void refuseNonEmpty(Path dir, boolean force) throws IOException {
        if (!force && Files.isDirectory(dir)) {
            try (java.util.stream.Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new UsageException("--out " + dir + " already holds files (an earlier run?); choose another"
                            + " directory, or add --force to replace them");
                }
            }
        }
    }

    private static void checkNotNothingOrRoot(Path dir) {
        if (dir.toString().isBlank()) {
            throw new UsageException("--out is empty: name the directory to write to");
        }
        if (dir.toAbsolutePath().normalize().getParent() == null) {
            throw new UsageException("the output directory would be " + dir.toAbsolutePath().normalize()
                    + ", the root of the file system; pass --out DIR");
        }
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException f) {
            String why = f.getReason() != null ? f.getReason() : e.getClass().getSimpleName()
                    .replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
            return why + (f.getFile() != null && !f.getFile().equals(e.getMessage()) ? "" : " (" + f.getFile() + ")");
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
