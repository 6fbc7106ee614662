package dev.nn.data.mnist;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files of unsigned bytes (the MNIST format), raw or gzipped; gzip is detected from the
 * content, not the file name.
 *
 * <p>The header is a magic number {@code 0x0000 08 D} (D the number of dimensions) and D big-endian
 * 32-bit sizes. Everything is validated before it is trusted: a header that claims more data than
 * {@link #MAX_BYTES} is refused without allocating it, and the data must end exactly where the
 * header says.
 */
public final class IdxReader {

    /** The largest data section accepted, 1 GiB. */
    public static final long MAX_BYTES = 1L << 30;

    private static final int UNSIGNED_BYTE = 0x08;

    /** How many times its file size a data section is first assumed to be at most. */
    private static final long PLAUSIBLE_RATIO = 8;

    private IdxReader() {
    }

    /**
     * Reads an IDX file and checks its number of dimensions.
     *
     * @throws IdxFormatException naming the file and the field or offset if it is malformed
     * @throws IOException if the file cannot be read
     */
    public static IdxData read(Path file, int expectedDimensions) throws IOException {
        long fileBytes = checkReadable(file);
        try (BufferedInputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
                InputStream in = startsWithGzipMagic(raw)
                        ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : raw) {
            boolean gzipped = in != raw;
            int[] dims = header(file, in, expectedDimensions);
            // up to 255 factors below 2^31 each: a long would overflow
            BigInteger claimed = BigInteger.ONE;
            for (int d : dims) {
                claimed = claimed.multiply(BigInteger.valueOf(d));
            }
            if (claimed.compareTo(BigInteger.valueOf(MAX_BYTES)) > 0) {
                throw new IdxFormatException(file + ": header claims " + claimed + " bytes of data ("
                        + Arrays.toString(dims) + "), more than the " + MAX_BYTES + " this reader accepts");
            }
            int headerBytes = 4 + 4 * dims.length;
            // raw data cannot be longer than the file; gzip rarely inflates more than PLAUSIBLE_RATIO times
            long plausible = gzipped ? Math.max(1 << 20, PLAUSIBLE_RATIO * fileBytes) : fileBytes - headerBytes;
            byte[] data = readData(file, in, claimed.intValueExact(), headerBytes, plausible);
            return new IdxData(dims, data);
        } catch (ZipException | EOFException e) {
            throw new IdxFormatException(file + ": corrupt gzip stream: " + e.getMessage());
        }
    }

    /** Checks that the file exists, is readable and is not empty; returns its size in bytes. */
    private static long checkReadable(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "IDX file not found");
        }
        if (!Files.isReadable(file)) {
            throw new AccessDeniedException(file.toString(), null, "IDX file is not readable");
        }
        long bytes = Files.size(file);
        if (bytes == 0) {
            throw new IdxFormatException(file + ": file is empty, expected an IDX header");
        }
        return bytes;
    }

    /** Returns true if the stream starts with gzip's magic bytes, leaving it where it was. */
    private static boolean startsWithGzipMagic(BufferedInputStream in) throws IOException {
        in.mark(2);
        boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        return gzip;
    }

    private static int[] header(Path file, InputStream in, int expectedDimensions) throws IOException {
        byte[] magic = readFully(file, in, 4, 0, "magic number");
        if (magic[0] != 0 || magic[1] != 0 || magic[2] != UNSIGNED_BYTE) {
            throw new IdxFormatException(String.format("%s: magic number at byte offset 0: expected 0x000008%02X "
                    + "(unsigned bytes, %d dimensions), found 0x%02X%02X%02X%02X", file, expectedDimensions,
                    expectedDimensions, magic[0], magic[1], magic[2], magic[3]));
        }
        int dimensions = magic[3] & 0xff;
        if (dimensions != expectedDimensions) {
            throw new IdxFormatException(file + ": dimension count at byte offset 3: expected " + expectedDimensions
                    + ", found " + dimensions);
        }
        int[] dims = new int[dimensions];
        for (int i = 0; i < dimensions; i++) {
            byte[] b = readFully(file, in, 4, 4 + 4 * i, "size of dimension " + i);
            long value = ((b[0] & 0xffL) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
            if (value > Integer.MAX_VALUE) {
                throw new IdxFormatException(file + ": size of dimension " + i + " at byte offset " + (4 + 4 * i)
                        + ": expected at most " + Integer.MAX_VALUE + ", found " + value);
            }
            dims[i] = (int) value;
        }
        return dims;
    }

    private static byte[] readFully(Path file, InputStream in, int n, long offset, String field) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length < n) {
            throw new IdxFormatException(file + ": file truncated in the header: " + field + " at byte offset "
                    + offset + " needs " + n + " bytes, found " + b.length);
        }
        return b;
    }

    /**
     * Reads exactly {@code size} bytes, then checks the end. The buffer starts at the
     * {@code plausible} size the file can hold and grows only as data arrives, so a header that
     * claims more than the file holds costs no memory, and MNIST's files are read into one buffer
     * of the exact size.
     */
    private static byte[] readData(Path file, InputStream in, int size, int headerBytes, long plausible)
            throws IOException {
        byte[] data = new byte[(int) Math.max(0, Math.min(size, plausible))];
        int filled = 0;
        while (filled < size) {
            if (filled == data.length) {
                data = Arrays.copyOf(data, (int) Math.min(size, Math.max(1 << 13, 2L * data.length)));
            }
            int n = in.read(data, filled, data.length - filled);
            if (n < 0) {
                throw new IdxFormatException(file + ": file truncated: expected " + size + " bytes of data after the "
                        + headerBytes + "-byte header, found " + filled);
            }
            filled += n;
        }
        long trailing = 0;
        byte[] skip = new byte[8192];
        for (int n; (n = in.read(skip)) > 0; ) {
            trailing += n;
        }
        if (trailing > 0) {
            throw new IdxFormatException(file + ": " + trailing + " trailing bytes at byte offset "
                    + (headerBytes + (long) size) + ", expected the file to end after the data the header describes");
        }
        return data;
    }
}
