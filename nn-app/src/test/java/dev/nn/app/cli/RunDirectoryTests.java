package dev.nn.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Directories are printed as the user would type them. */
class RunDirectoryTests {

    private static final Path CWD = Path.of("").toAbsolutePath().normalize();

    @Test
    void underTheWorkingDirectoryRelativeElsewhereAbsolute() {
        assertEquals(Path.of("runs", "demo"), RunDirectory.shown(CWD.resolve("runs/demo")));
        assertEquals(Path.of("."), RunDirectory.shown(CWD));
        Path outside = CWD.getRoot().resolve("elsewhere-" + System.nanoTime());
        assertEquals(outside, RunDirectory.shown(outside));
    }
}
