package dev.nn.core.io;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Says in a few words why a path a user named is not what a command expected, so that every message
 * tells a missing file from a directory, a device or a pipe.
 */
public final class PathKind {
    private PathKind() {
    }

    /**
     * Why {@code path} is not a regular file to read: {@code "no such file"}, {@code "is a directory"} or
     * {@code "is not a regular file (a device or a pipe)"}; {@code null} if it is one.
     */
    public static String notAFile(Path path) {
        if (Files.isRegularFile(path)) {
            return null;
        }
        if (Files.isDirectory(path)) {
            return "is a directory";
        }
        return Files.exists(path) ? "is not a regular file (a device or a pipe)" : "no such file";
    }

    /**
     * Why {@code path} is not a directory: {@code "no such directory"}, {@code "is a file"} or
     * {@code "is not a directory (a device or a pipe)"}; {@code null} if it is one.
     */
    public static String notADirectory(Path path) {
        if (Files.isDirectory(path)) {
            return null;
        }
        if (Files.isRegularFile(path)) {
            return "is a file";
        }
        return Files.exists(path) ? "is not a directory (a device or a pipe)" : "no such directory";
    }
}
