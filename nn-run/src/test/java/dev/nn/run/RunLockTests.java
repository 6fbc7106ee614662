package dev.nn.run;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lock keeps a second writer out, and a reader tells a live holder from a stale file. */
class RunLockTests {

    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("try") // the lock is held for the body's checks
    void aHeldLockIsSeenAndASecondWriterRefused() throws IOException {
        Path file = dir.resolve(RunLock.NAME);
        try (RunLock held = RunLock.take(dir)) {
            assertTrue(RunLock.heldIn(file));
            assertThrows(UsageException.class, () -> RunLock.take(dir));
        }
        assertFalse(Files.exists(file), "removed when released");
    }

    /** A killed run leaves its file; the id in it may now be another live process's (here: this one's). */
    @Test
    void aStaleFileWhoseIdWasTakenAgainIsNotARunInProgress() throws IOException {
        Path file = dir.resolve(RunLock.NAME);
        long pid = ProcessHandle.current().pid();
        long started = ProcessHandle.current().info().startInstant().orElseThrow().toEpochMilli();
        Files.writeString(file, pid + " " + (started - 60_000) + "\n");
        assertFalse(RunLock.heldIn(file), "the process with that id started a minute after the lock's holder");
        Files.writeString(file, pid + " " + started + "\n");
        assertTrue(RunLock.heldIn(file));
        Files.writeString(file, pid + "\n");
        assertTrue(RunLock.heldIn(file), "an older nn's file names the process only");
        Files.writeString(file, "999999999 0\n");
        assertFalse(RunLock.heldIn(file), "a process that is gone");
        for (String damaged : new String[] {"", "x", "-5", "999999999 x y"}) {
            Files.writeString(file, damaged);
            assertFalse(RunLock.heldIn(file), damaged);
        }
        assertFalse(RunLock.heldIn(dir.resolve("none")));
    }
}
