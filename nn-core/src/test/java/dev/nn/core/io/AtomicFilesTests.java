package dev.nn.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTests {

    @Test
    void aFileKeepsThePermissionsANewFileGetsHere(@TempDir Path dir) throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Set<PosixFilePermission> usual = Files.getPosixFilePermissions(Files.createFile(dir.resolve("plain")));
        Path written = dir.resolve("model.json");
        AtomicFiles.writeString(written, "new");
        assertEquals(PosixFilePermissions.toString(usual), PosixFilePermissions.toString(
                Files.getPosixFilePermissions(written)), "as the umask gives any new file, not owner-only");
        assertEquals("new", Files.readString(written));
    }

    @Test
    void aFailedWriteLeavesTheOldContentAndNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path target = Files.writeString(dir.resolve("history.json"), "old");
        assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write("half".getBytes());
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(target));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList());
        }
    }

    @Test
    void theLeftoversOfAKilledWriteAreRemovedAndNothingElse(@TempDir Path dir) throws IOException {
        // what a process killed inside write() leaves: the temporary file, named as write names it
        Path leftover = Files.writeString(dir.resolve(".history.json.1a2b3c-1f.tmp"), "half");
        Path whole = Files.writeString(dir.resolve("history.json"), "whole");
        Path own = Files.writeString(dir.resolve(".notes.tmp"), "a user's");
        Path similar = Files.writeString(dir.resolve("run.json.tmp"), "a user's too");
        assertEquals(1, AtomicFiles.removeLeftovers(dir));
        try (var files = Files.list(dir)) {
            assertEquals(Set.of(whole, own, similar), Set.copyOf(files.toList()));
        }
        assertEquals(false, Files.exists(leftover));
    }

    /**
     * A full disk says "No space left on device" and names no file; an SVG writer wraps that in a SAX
     * exception over two lines, a PNG writer in "I/O error writing PNG file!". The message names the
     * file and the first cause, on one line.
     */
    @Test
    void aFailedWriteNamesTheFileAndItsFirstCause(@TempDir Path dir) {
        Path target = dir.resolve("history.svg");
        IOException full = new IOException("No space left on device");
        Exception sax = new Exception("org.xml.sax.SAXException: java.io.IOException: No space left on device\n"
                + "java.io.IOException: No space left on device", full);
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write(1);
            throw new IOException(sax.getMessage(), sax);
        }));
        assertEquals("cannot write " + target + ": No space left on device", e.getMessage());
        e = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            throw new IOException("I/O error writing PNG file!", full);
        }));
        assertEquals("cannot write " + target + ": No space left on device", e.getMessage());
        e = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            throw new IOException("first line\nsecond line");
        }));
        assertEquals("cannot write " + target + ": first line", e.getMessage());
        e = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            throw new IOException(sax.getMessage()); // as the SVG writer throws it, without its cause
        }));
        assertEquals("cannot write " + target + ": No space left on device", e.getMessage());
    }

    /** A directory or a device where the file goes is refused, never replaced (as root, a device would be). */
    @Test
    void whatIsNotARegularFileIsNotReplaced(@TempDir Path dir) throws IOException {
        Path sub = Files.createDirectories(dir.resolve("model.onnx"));
        assertEquals("cannot write " + sub + ": is a directory, not a file to replace", assertThrows(IOException.class,
                () -> AtomicFiles.writeString(sub, "x")).getMessage());
        assertEquals(true, Files.isDirectory(sub));
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(sub), files.toList(), "no temporary file");
        }
    }
}
