package dev.nn.core.plugins.layers;

import dev.nn.core.data.DataSet;
import dev.nn.core.spi.Matrix;

/**
 * The nonzero entries of each row of a batch matrix, in increasing column order: a layer's input
 * in the form the kernels take. Sized once for the largest batch. A row without zeros (a hidden
 * layer's sigmoid output, say) is copied whole and its columns are {@link #all}: the same entries
 * in the same order as a scan would record, without the scan's branch and index stores per entry.
 */
final class SparseRows {

    /** idx[s]: the columns of row s's entries: its own array after a scan, {@link #all} for a row without zeros. */
    final int[][] idx;
    final double[][] val;
    final int[] count;
    /** 0, 1, 2, ...: every column. Never written after construction. */
    private final int[] all;
    private final int[][] own;

    SparseRows(int maxRows, int cols) {
        own = new int[maxRows][cols];
        idx = new int[maxRows][];
        val = new double[maxRows][cols];
        count = new int[maxRows];
        all = new int[cols];
        for (int k = 0; k < cols; k++) {
            all[k] = k;
        }
    }

    /** Returns whether row s has no zero: its columns are all of them, in order. */
    boolean dense(int s) {
        return idx[s] == all;
    }

    /** Records the nonzero inputs of example {@code example} of {@code data} as row {@code s}. */
    void load(int s, DataSet data, int example) {
        idx[s] = own[s];
        count[s] = data.copyNonZeroInputs(example, own[s], val[s]);
    }

    /** Records the nonzero entries of row {@code s} of {@code m}. */
    void scan(Matrix m, int s) {
        int cols = m.cols();
        double[] d = m.data();
        int base = s * cols;
        if (hasNoZero(d, base, cols)) {
            System.arraycopy(d, base, val[s], 0, cols);
            idx[s] = all;
            count[s] = cols;
            return;
        }
        int[] ix = own[s];
        idx[s] = ix;
        double[] v = val[s];
        int c = 0;
        for (int k = 0; k < cols; k++) {
            double x = d[base + k];
            if (x != 0) {
                ix[c] = k;
                v[c] = x;
                c++;
            }
        }
        count[s] = c;
    }

    private static boolean hasNoZero(double[] d, int base, int cols) {
        for (int k = 0; k < cols; k++) {
            if (d[base + k] == 0) {
                return false;
            }
        }
        return true;
    }
}
