package dev.nn.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The only way a request reaches a file: a path relative to the served directory, refused (null)
 * when it leads outside it, by {@code ..}, an absolute path, or a symbolic link that points out.
 */
final class SafePaths {

    private final Path root;
    private final Path realRoot;

    SafePaths(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.realRoot = this.root.toRealPath();
    }

    Path root() {
        return root;
    }

    /** Returns the directory {@code relative} names inside the root, or null. */
    Path dir(String relative) {
        Path p = inside(relative);
        return p != null && Files.isDirectory(p) ? p : null;
    }

    /** Returns the file {@code name} of a directory inside the root if it is a regular file inside the root too. */
    Path file(Path dir, String name) {
        Path p = dir.resolve(name);
        try {
            if (!Files.isRegularFile(p) || !p.toRealPath().startsWith(realRoot)) {
                return null;
            }
        } catch (IOException e) {
            return null;
        }
        return p;
    }

    private Path inside(String relative) {
        if (relative == null || relative.indexOf('\0') >= 0) {
            return null;
        }
        Path p;
        try {
            p = root.resolve(relative).normalize();
        } catch (InvalidPathException e) {
            return null;
        }
        if (!p.startsWith(root)) {
            return null;
        }
        try {
            return p.toRealPath().startsWith(realRoot) ? p : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Returns how the page names a directory inside the root: its path from the root, with '/'. */
    String name(Path dir) {
        String s = root.relativize(dir).toString().replace(dir.getFileSystem().getSeparator(), "/");
        return s.isEmpty() ? "." : s;
    }
}
