package dev.nn.data.mnist;

import dev.nn.core.data.DataSet;
import java.util.Arrays;

/**
 * The book's expanded training data ({@code expand_mnist.py}): every image, followed by the same
 * image shifted by one pixel down, up, right and left, the pixels shifted in filled with zeros (as
 * {@code np.roll} and the zeroed row or column do). Five examples per image, in that order; the
 * shifted images are made on the fly from the base's nonzero pixels, so nothing is stored twice.
 * The book then shuffles the pairs once; here every epoch's shuffle does that.
 */
final class ExpandedMnist implements DataSet {

    /** The shifts, in expand_mnist.py's order: none, down, up, right, left (rows then columns). */
    private static final int[] ROW_SHIFT = {0, 1, -1, 0, 0};
    private static final int[] COLUMN_SHIFT = {0, 0, 0, 1, -1};

    private final DataSet base;
    private final int side;

    ExpandedMnist(DataSet base, int side) {
        if (base.inputSize() != side * side) {
            throw new IllegalArgumentException("expanding needs " + side + "x" + side + " images, got "
                    + base.inputSize() + " inputs per example");
        }
        this.base = base;
        this.side = side;
    }

    @Override
    public int size() {
        return 5 * base.size();
    }

    @Override
    public int inputSize() {
        return base.inputSize();
    }

    @Override
    public int classes() {
        return base.classes();
    }

    @Override
    public int label(int i) {
        return base.label(image(i));
    }

    @Override
    public void copyInputs(int i, double[] dst, int offset) {
        int[] idx = new int[inputSize()];
        double[] val = new double[inputSize()];
        int count = copyNonZeroInputs(i, idx, val);
        Arrays.fill(dst, offset, offset + inputSize(), 0.0);
        for (int c = 0; c < count; c++) {
            dst[offset + idx[c]] = val[c];
        }
    }

    @Override
    public int prefetch(int i) {
        return base.prefetch(image(i));
    }

    /**
     * The base image's nonzero pixels, moved by the shift of example {@code i} in place; those that
     * leave the image are dropped. A shift keeps the increasing order of the positions.
     */
    @Override
    public int copyNonZeroInputs(int i, int[] idx, double[] val) {
        int count = base.copyNonZeroInputs(image(i), idx, val);
        int shift = Math.floorMod(i, 5);
        if (shift == 0) {
            return count;
        }
        int kept = 0;
        for (int c = 0; c < count; c++) {
            int row = idx[c] / side + ROW_SHIFT[shift];
            int column = idx[c] % side + COLUMN_SHIFT[shift];
            if (row >= 0 && row < side && column >= 0 && column < side) {
                idx[kept] = row * side + column;
                val[kept++] = val[c];
            }
        }
        return kept;
    }

    private int image(int i) {
        return java.util.Objects.checkIndex(i, size()) / 5;
    }
}
