package dev.nn.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** The directory a command writes its results to, checked for writing before any work starts. */
public final class RunDirectory {

    private RunDirectory() {
    }

    /** Returns {@code runs/<name>-<yyyyMMdd-HHmmss>}. */
    public static Path timestamped(String name) {
        return Path.of("runs", name + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    }

    /**
     * Creates {@code dir} if needed and proves it can be written.
     *
     * @throws IOException naming the directory if it cannot be created or written
     */
    public static Path prepare(Path dir) throws IOException {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".nn-write-check", ".tmp");
            Files.delete(probe);
            return dir;
        } catch (IOException e) {
            throw new IOException("cannot write to output directory " + dir + ": " + reason(e), e);
        }
    }

    private static String reason(IOException e) {
        String name = e.getClass().getSimpleName();
        return switch (name) {
            case "AccessDeniedException" -> "permission denied";
            case "FileAlreadyExistsException", "FileSystemException" -> "a file is in the way ("
                    + e.getMessage() + ")";
            default -> e.getMessage() == null ? name : e.getMessage();
        };
    }
}
