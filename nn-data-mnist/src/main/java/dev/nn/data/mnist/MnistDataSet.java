package dev.nn.data.mnist;

import dev.nn.core.data.DataSet;

/**
 * MNIST images and labels kept compact, one byte per pixel; pixels are scaled to [0, 1]
 * ({@code byte/255}) only when copied out, one mini-batch at a time. Targets are one-hot over ten
 * digits, for training and test data alike.
 */
public final class MnistDataSet implements DataSet {

    private static final double[] SCALED = new double[256];

    static {
        for (int b = 0; b < 256; b++) {
            SCALED[b] = b / 255.0;
        }
    }

    private final byte[] pixels;
    private final byte[] labels;
    private final int pixelsPerImage;

    /**
     * Wraps validated arrays without copying them.
     *
     * @param pixels {@code count x pixelsPerImage} bytes
     * @param labels {@code count} labels, each 0..9
     */
    MnistDataSet(byte[] pixels, byte[] labels, int pixelsPerImage) {
        this.pixels = pixels;
        this.labels = labels;
        this.pixelsPerImage = pixelsPerImage;
    }

    @Override
    public int size() {
        return labels.length;
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
        return labels[i];
    }

    @Override
    public void copyInputs(int i, double[] dst, int offset) {
        int start = i * pixelsPerImage;
        for (int p = 0; p < pixelsPerImage; p++) {
            dst[offset + p] = SCALED[pixels[start + p] & 0xff];
        }
    }

    /** Returns the raw byte of pixel {@code p} of image {@code i}, 0..255. */
    public int pixel(int i, int p) {
        return pixels[i * pixelsPerImage + p] & 0xff;
    }
}
