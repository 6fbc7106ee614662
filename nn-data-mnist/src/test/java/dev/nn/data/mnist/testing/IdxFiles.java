package dev.nn.data.mnist.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small IDX files for tests: a whole small MNIST directory ({@link #writeAll}), or single files. */
public final class IdxFiles {

    private IdxFiles() {
    }

    public static byte[] idx(int magic, int[] dims, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
        b.putInt(magic);
        for (int d : dims) {
            b.putInt(d);
        }
        b.put(data);
        return b.array();
    }

    public static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(raw);
        }
        return bytes.toByteArray();
    }

    /** Writes a small MNIST set of {@code count} images (pixel i of image n = (n + i) % 256) and labels n % 10. */
    public static void writeMnist(Path dir, String imagesName, String labelsName, int count, boolean gzip) throws IOException {
        byte[] pixels = new byte[count * 784];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) ((i / 784 + i % 784) % 256);
        }
        byte[] labels = new byte[count];
        for (int n = 0; n < count; n++) {
            labels[n] = (byte) (n % 10);
        }
        byte[] images = idx(0x803, new int[] {count, 28, 28}, pixels);
        byte[] lab = idx(0x801, new int[] {count}, labels);
        Files.write(dir.resolve(imagesName + (gzip ? ".gz" : "")), gzip ? gzip(images) : images);
        Files.write(dir.resolve(labelsName + (gzip ? ".gz" : "")), gzip ? gzip(lab) : lab);
    }

    /** Writes the four files of a small MNIST into {@code dir}: {@code trainCount} training and {@code testCount} test images. */
    public static void writeAll(Path dir, int trainCount, int testCount, boolean gzip) throws IOException {
        writeMnist(dir, "train-images-idx3-ubyte", "train-labels-idx1-ubyte", trainCount, gzip);
        writeMnist(dir, "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte", testCount, gzip);
    }
}
