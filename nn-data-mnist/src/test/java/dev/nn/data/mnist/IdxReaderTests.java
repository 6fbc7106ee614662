package dev.nn.data.mnist;

import dev.nn.data.mnist.testing.IdxFiles;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTests {

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private String error(Path file, int dims) {
        return assertThrows(IdxFormatException.class, () -> IdxReader.read(file, dims)).getMessage();
    }

    @Test
    void readsRawAndGzippedAlikeWhateverTheName() throws IOException {
        byte[] raw = IdxFiles.idx(0x801, new int[] {3}, new byte[] {7, 1, 9});
        IdxData plain = IdxReader.read(write("labels", raw), 1);
        IdxData zipped = IdxReader.read(write("labels-no-gz-suffix", IdxFiles.gzip(raw)), 1);
        assertArrayEquals(new int[] {3}, plain.dimensions());
        assertArrayEquals(new byte[] {7, 1, 9}, plain.data());
        assertArrayEquals(plain.data(), zipped.data());
    }

    @Test
    void wrongMagicNumber() throws IOException {
        Path f = write("bad", IdxFiles.idx(0x0c03, new int[] {1, 1, 1}, new byte[] {0}));
        assertEquals(f + ": magic number at byte offset 0: expected 0x00000803 (unsigned bytes, 3 dimensions),"
                + " found 0x00000C03", error(f, 3));
    }

    @Test
    void wrongDimensionCount() throws IOException {
        Path f = write("bad", IdxFiles.idx(0x801, new int[] {1}, new byte[] {0}));
        assertEquals(f + ": dimension count at byte offset 3: expected 3, found 1", error(f, 3));
    }

    @Test
    void truncatedData() throws IOException {
        Path f = write("bad", IdxFiles.idx(0x801, new int[] {5}, new byte[] {1, 2}));
        assertEquals(f + ": file truncated: expected 5 bytes of data after the 8-byte header, found 2", error(f, 1));
    }

    @Test
    void truncatedHeader() throws IOException {
        Path f = write("bad", new byte[] {0, 0, 8, 3, 0, 0});
        assertEquals(f + ": file truncated in the header: size of dimension 0 at byte offset 4 needs 4 bytes, found 2",
                error(f, 3));
    }

    @Test
    void trailingBytes() throws IOException {
        byte[] good = IdxFiles.idx(0x801, new int[] {2}, new byte[] {1, 2});
        Path f = write("bad", Arrays.copyOf(good, good.length + 3));
        assertEquals(f + ": 3 trailing bytes at byte offset 10, expected the file to end after the data the header"
                + " describes", error(f, 1));
    }

    @Test
    void absurdSizeIsRefusedWithoutAllocating() throws IOException {
        Path f = write("bad", IdxFiles.gzip(IdxFiles.idx(0x803, new int[] {2_000_000_000, 28, 28}, new byte[0])));
        assertEquals(f + ": header claims 1568000000000 bytes of data ([2000000000, 28, 28]), more than the"
                + " 1073741824 this reader accepts", error(f, 3));
    }

    @Test
    void largeClaimInSmallGzipFailsAsTruncatedWithoutAllocatingTheClaim() throws IOException {
        Path f = write("bad", IdxFiles.gzip(IdxFiles.idx(0x803, new int[] {1_000_000, 28, 28}, new byte[10])));
        assertEquals(f + ": file truncated: expected 784000000 bytes of data after the 16-byte header, found 10",
                error(f, 3));
    }

    @Test
    void rawFileWithNoDataAfterTheHeaderIsTruncated() throws IOException {
        Path f = write("bad", IdxFiles.idx(0x803, new int[] {1_000, 28, 28}, new byte[0]));
        assertEquals(f + ": file truncated: expected 784000 bytes of data after the 16-byte header, found 0",
                error(f, 3));
    }

    @Test
    void dataBeyondTheFirstGuessIsReadWhole() throws IOException {
        // zeros inflate far more than the reader first assumes, so its buffer has to grow
        byte[] pixels = new byte[3_000_000];
        for (int i = 0; i < pixels.length; i += 4099) {
            pixels[i] = (byte) (i % 251);
        }
        byte[] raw = IdxFiles.idx(0x803, new int[] {3_000, 1_000, 1}, pixels);
        assertArrayEquals(pixels, IdxReader.read(write("big.gz", IdxFiles.gzip(raw)), 3).data());
        assertArrayEquals(pixels, IdxReader.read(write("big", raw), 3).data());
    }

    @Test
    void corruptGzipStream() throws IOException {
        byte[] gz = IdxFiles.gzip(IdxFiles.idx(0x801, new int[] {100}, new byte[100]));
        for (int i = 12; i < gz.length - 8; i++) {
            gz[i] ^= 0x5a;
        }
        Path f = write("bad.gz", gz);
        assertTrue(error(f, 1).startsWith(f + ": corrupt gzip stream: "));
    }

    @Test
    void emptyFile() throws IOException {
        Path f = write("empty", new byte[0]);
        assertEquals(f + ": file is empty, expected an IDX header", error(f, 1));
    }

    @Test
    void missingFile() {
        Path f = dir.resolve("nowhere");
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> IdxReader.read(f, 1));
        assertEquals(f + ": IDX file not found", e.getMessage());
    }

    @Test
    void unreadableFile() throws IOException {
        Path f = write("locked", IdxFiles.idx(0x801, new int[] {1}, new byte[1]));
        assertTrue(f.toFile().setReadable(false));
        try {
            if (Files.isReadable(f)) {
                return; // running as root: permissions do not apply, nothing to check
            }
            IOException e = assertThrows(IOException.class, () -> IdxReader.read(f, 1));
            assertEquals(f + ": IDX file is not readable", e.getMessage());
        } finally {
            f.toFile().setReadable(true);
        }
    }
}
