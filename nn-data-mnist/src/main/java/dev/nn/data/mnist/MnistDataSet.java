package dev.nn.data.mnist;

import dev.nn.core.data.DataSet;
import java.util.Objects;

/**
 * MNIST images and labels kept compact: each image as its nonzero pixels only (81% of MNIST pixels
 * are 0), a 16-bit position and the 8-bit value, 3 bytes per nonzero pixel instead of 8 per pixel.
 * Pixels are scaled to [0, 1] ({@code byte/255}) only when copied out, one mini-batch at a time.
 * Targets are one-hot over ten digits, for training and test data alike.
 */
public final class MnistDataSet implements DataSet, java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private static final double[] SCALED = new double[256];

    static {
        for (int b = 0; b < 256; b++) {
            SCALED[b] = b / 255.0;
        }
    }

    private final byte[] labels;
    private final int pixelsPerImage;
    /** Stored image j's nonzero pixels are entries {@code start[j] .. start[j+1]-1} of position and value. */
    private final int[] start;
    private final short[] position;
    private final byte[] value;
    /** This data set's example i is stored image {@code first + i}: slices share the storage. */
    private final int first;
    private final int size;

    /**
     * Compresses validated arrays.
     *
     * @param pixels {@code count x pixelsPerImage} bytes; not kept
     * @param labels {@code count} labels, each 0..9; kept without copying
     */
    MnistDataSet(byte[] pixels, byte[] labels, int pixelsPerImage) {
        this.labels = labels;
        this.pixelsPerImage = pixelsPerImage;
        int count = labels.length;
        this.first = 0;
        this.size = count;
        int nonzero = 0;
        for (byte b : pixels) {
            if (b != 0) {
                nonzero++;
            }
        }
        start = new int[count + 1];
        position = new short[nonzero];
        value = new byte[nonzero];
        int e = 0;
        for (int i = 0; i < count; i++) {
            start[i] = e;
            int base = i * pixelsPerImage;
            for (int p = 0; p < pixelsPerImage; p++) {
                byte b = pixels[base + p];
                if (b != 0) {
                    position[e] = (short) p;
                    value[e++] = b;
                }
            }
        }
        start[count] = e;
    }

    private MnistDataSet(MnistDataSet whole, int from, int to) {
        labels = whole.labels;
        pixelsPerImage = whole.pixelsPerImage;
        start = whole.start;
        position = whole.position;
        value = whole.value;
        first = whole.first + from;
        size = to - from;
    }

    /**
     * Returns the examples {@code [from, to)} as a data set of the same kind, sharing this one's
     * storage (no per-example indirection, unlike a general view). {@link #first} comes here too.
     */
    @Override
    public MnistDataSet slice(int from, int to) {
        if (from < 0 || to > size || from > to) {
            throw new IllegalArgumentException("slice [" + from + ", " + to + ") is outside [0, " + size + ")");
        }
        return new MnistDataSet(this, from, to);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int inputSize() {
        return pixelsPerImage;
    }

    @Override
    public int classes() {
        return 10;
    }

    @Override
    public int label(int i) {
        return labels[stored(i)];
    }

    @Override
    public void copyInputs(int i, double[] dst, int offset) {
        int j = stored(i);
        java.util.Arrays.fill(dst, offset, offset + pixelsPerImage, 0.0);
        for (int e = start[j]; e < start[j + 1]; e++) {
            dst[offset + (position[e] & 0xffff)] = SCALED[value[e] & 0xff];
        }
    }

    @Override
    public int copyNonZeroInputs(int i, int[] idx, double[] val) {
        int j = stored(i);
        int from = start[j];
        int count = start[j + 1] - from;
        for (int c = 0; c < count; c++) {
            idx[c] = position[from + c] & 0xffff;
            val[c] = SCALED[value[from + c] & 0xff];
        }
        return count;
    }

    /** Reads one entry per 64-byte line of image i's positions and of its values. */
    @Override
    public int prefetch(int i) {
        int j = stored(i);
        int from = start[j];
        int to = start[j + 1];
        int sum = 0;
        for (int e = from; e < to; e += 32) {
            sum += position[e];
        }
        for (int e = from; e < to; e += 64) {
            sum += value[e];
        }
        return sum;
    }

    /** Returns the index in the storage of example {@code i}, after checking that it is one of this set's. */
    private int stored(int i) {
        return first + Objects.checkIndex(i, size);
    }

    /** Returns the bytes of the storage this data set keeps for its images and labels (shared by its slices). */
    public long storageBytes() {
        return 4L * start.length + 3L * position.length + labels.length;
    }
}
