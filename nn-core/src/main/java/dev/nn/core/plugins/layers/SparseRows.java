package dev.nn.core.plugins.layers;

import dev.nn.core.spi.Matrix;

/**
 * The nonzero entries of each row of a batch matrix, in increasing column order: a layer's input
 * in the form the kernels take. Sized once for the largest batch.
 */
final class SparseRows {

    final int[][] idx;
    final double[][] val;
    final int[] count;

    SparseRows(int maxRows, int cols) {
        idx = new int[maxRows][cols];
        val = new double[maxRows][cols];
        count = new int[maxRows];
    }

    /** Records the nonzero entries of row {@code s} of {@code m}. */
    void scan(Matrix m, int s) {
        int cols = m.cols();
        double[] d = m.data();
        int[] ix = idx[s];
        double[] v = val[s];
        int base = s * cols;
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
}
