package dev.nn.core.testing;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The frame of a reader's fuzz test: the fuzzer's bytes as a file of the given name in a fresh
 * temporary directory, the check run on it within {@link #BOUND} (a hang fails), the file removed.
 */
public final class FuzzedFile {

    /** How long a reader may take over one input. */
    public static final Duration BOUND = Duration.ofSeconds(20);

    /** A check of a reader on a file. */
    @FunctionalInterface
    public interface Check {
        /** Reads {@code file} and checks what the reader did. */
        void accept(Path file) throws Exception;
    }

    private FuzzedFile() {
    }

    /** Writes {@code bytes} as {@code name} in a new temporary directory and runs {@code check} on it. */
    public static void check(byte[] bytes, String name, Check check) throws IOException {
        Path dir = Files.createTempDirectory("nn-fuzz-");
        Path file = dir.resolve(name);
        try {
            Files.write(file, bytes);
            assertTimeoutPreemptively(BOUND, () -> check.accept(file));
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    /** Asserts that a reader's error has a message that names {@code file}. */
    public static void assertNames(Path file, Exception e) {
        assertTrue(e.getMessage() != null && e.getMessage().contains(file.toString()), "names the file: " + e);
    }
}
