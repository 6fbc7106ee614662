package dev.nn.benchmarks;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;

/**
 * A mini-batch of MNIST-like inputs: 784 pixels of which about 19% are nonzero (MNIST's average),
 * held both densely (for EJML) and as each row's nonzero entries (for the row kernels).
 */
final class SparseBatch {

    static final int PIXELS = 784;

    final DMatrixRMaj dense;
    final int[][] idx;
    final double[][] val;
    final int[] count;

    SparseBatch(int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        dense = new DMatrixRMaj(rows, PIXELS);
        idx = new int[rows][PIXELS];
        val = new double[rows][PIXELS];
        count = new int[rows];
        for (int s = 0; s < rows; s++) {
            for (int k = 0; k < PIXELS; k++) {
                if (random.nextInt(100) < 19) {
                    double x = (1 + random.nextInt(255)) / 255.0;
                    dense.set(s, k, x);
                    idx[s][count[s]] = k;
                    val[s][count[s]++] = x;
                }
            }
        }
    }

    /** Returns a {@code rows x cols} matrix of weights drawn from N(0, 1/rows). */
    static DMatrixRMaj weights(int rows, int cols, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        DMatrixRMaj w = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < w.data.length; i++) {
            w.data[i] = random.nextGaussian() / Math.sqrt(rows);
        }
        return w;
    }

    /** Returns the rows of {@code m} as separate arrays, the layout the row kernels take. */
    static double[][] rowsOf(DMatrixRMaj m) {
        double[][] rows = new double[m.numRows][m.numCols];
        for (int r = 0; r < m.numRows; r++) {
            System.arraycopy(m.data, r * m.numCols, rows[r], 0, m.numCols);
        }
        return rows;
    }
}
