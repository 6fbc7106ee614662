package dev.nn.core.kernel;

import org.ejml.data.DMatrixRMaj;

/**
 * The matrix operations of feedforward and backprop, specialised for small mini-batches.
 *
 * <p>Weights are stored transposed, {@code n_in x n_out}, so that every inner loop runs over the
 * output units as an element-wise multiply-add, which the JIT vectorizes. Inputs that are exactly
 * zero (most MNIST pixels) are skipped: they add nothing to any sum. Every sum has a fixed order
 * (stated per method) that does not depend on how rows are split between threads, so results are
 * bit-identical at any thread count. Arguments are EJML row-major matrices; only the named rows
 * are read or written.
 */
public final class DenseKernels {

    private DenseKernels() {
    }

    /**
     * z = a wT + b for rows {@code [rowStart, rowEnd)}: {@code z[s][j] = (Σ_k a[s][k] wT[k][j]) + b[j]},
     * the sum taken in increasing k.
     *
     * @param a inputs, m x n_in. Not modified.
     * @param wT weights, n_in x n_out. Not modified.
     * @param b biases, 1 x n_out. Not modified.
     * @param z weighted inputs, m x n_out. Modified.
     */
    public static void forward(DMatrixRMaj a, DMatrixRMaj wT, DMatrixRMaj b, DMatrixRMaj z, int rowStart, int rowEnd) {
        int nIn = a.numCols;
        int nOut = wT.numCols;
        double[] ad = a.data;
        double[] wd = wT.data;
        double[] zd = z.data;
        double[] bd = b.data;
        for (int s = rowStart; s < rowEnd; s++) {
            int zRow = s * nOut;
            int aRow = s * nIn;
            java.util.Arrays.fill(zd, zRow, zRow + nOut, 0.0);
            for (int k = 0; k < nIn; k++) {
                double x = ad[aRow + k];
                if (x != 0) {
                    int wRow = k * nOut;
                    for (int j = 0; j < nOut; j++) {
                        zd[zRow + j] += x * wd[wRow + j];
                    }
                }
            }
            for (int j = 0; j < nOut; j++) {
                zd[zRow + j] += bd[j];
            }
        }
    }

    /**
     * nablaT += aᵀ delta for the weight rows {@code [kStart, kEnd)}:
     * {@code nablaT[k][j] += Σ_s a[s][k] delta[s][j]}, in increasing s. Rows that receive a term are
     * marked in {@code touched}; the others are left alone.
     *
     * @param a layer inputs, m x n_in. Not modified.
     * @param delta layer errors, m x n_out. Not modified.
     * @param nablaT gradient, n_in x n_out. Modified.
     * @param touched one flag per row of {@code nablaT}. Modified.
     */
    public static void accumulateOuter(DMatrixRMaj a, DMatrixRMaj delta, DMatrixRMaj nablaT, boolean[] touched,
            int kStart, int kEnd) {
        int nIn = a.numCols;
        int nOut = delta.numCols;
        double[] ad = a.data;
        double[] dd = delta.data;
        double[] nd = nablaT.data;
        for (int s = 0; s < a.numRows; s++) {
            int aRow = s * nIn;
            int dRow = s * nOut;
            for (int k = kStart; k < kEnd; k++) {
                double x = ad[aRow + k];
                if (x != 0) {
                    touched[k] = true;
                    int nRow = k * nOut;
                    for (int j = 0; j < nOut; j++) {
                        nd[nRow + j] += x * dd[dRow + j];
                    }
                }
            }
        }
    }

    /**
     * out = delta wTᵀ for rows {@code [rowStart, rowEnd)}: {@code out[s][k] = Σ_j delta[s][j] wT[k][j]},
     * in increasing j. This is network2.py's {@code np.dot(w.transpose(), delta)}.
     *
     * @param delta errors of the layer above, m x n_out. Not modified.
     * @param wT weights of the layer above, n_in x n_out. Not modified.
     * @param out m x n_in. Modified.
     */
    public static void backDelta(DMatrixRMaj delta, DMatrixRMaj wT, DMatrixRMaj out, int rowStart, int rowEnd) {
        int nIn = wT.numRows;
        int nOut = wT.numCols;
        double[] dd = delta.data;
        double[] wd = wT.data;
        double[] od = out.data;
        for (int s = rowStart; s < rowEnd; s++) {
            int dRow = s * nOut;
            for (int k = 0; k < nIn; k++) {
                int wRow = k * nOut;
                double sum = 0;
                for (int j = 0; j < nOut; j++) {
                    sum += dd[dRow + j] * wd[wRow + j];
                }
                od[s * nIn + k] = sum;
            }
        }
    }

    /**
     * sums[j] = Σ_s m[s][j], in increasing s.
     *
     * @param m the matrix. Not modified.
     * @param sums 1 x cols. Modified.
     */
    public static void columnSums(DMatrixRMaj m, DMatrixRMaj sums) {
        int cols = m.numCols;
        java.util.Arrays.fill(sums.data, 0, cols, 0.0);
        for (int s = 0; s < m.numRows; s++) {
            for (int j = 0; j < cols; j++) {
                sums.data[j] += m.data[s * cols + j];
            }
        }
    }

    /**
     * w = w - c nabla on the rows {@code [kStart, kEnd)} marked in {@code touched}, then those rows of
     * {@code nabla} are kept (callers clear them with {@link #clearTouched}).
     *
     * @param w parameters, rows x cols. Modified.
     * @param nabla gradient, same shape. Not modified.
     * @param touched which rows of {@code nabla} may be nonzero. Not modified.
     * @param c the step, eta/m
     */
    public static void subtractScaledRows(DMatrixRMaj w, DMatrixRMaj nabla, boolean[] touched, double c,
            int kStart, int kEnd) {
        int cols = w.numCols;
        double[] wd = w.data;
        double[] nd = nabla.data;
        for (int k = kStart; k < kEnd; k++) {
            if (touched[k]) {
                int row = k * cols;
                for (int j = 0; j < cols; j++) {
                    wd[row + j] = wd[row + j] - c * nd[row + j];
                }
            }
        }
    }

    /**
     * Zeroes the rows of {@code nabla} marked in {@code touched} and clears their marks.
     *
     * @param nabla gradient. Modified.
     * @param touched row marks. Modified.
     */
    public static void clearTouched(DMatrixRMaj nabla, boolean[] touched, int kStart, int kEnd) {
        int cols = nabla.numCols;
        for (int k = kStart; k < kEnd; k++) {
            if (touched[k]) {
                java.util.Arrays.fill(nabla.data, k * cols, (k + 1) * cols, 0.0);
                touched[k] = false;
            }
        }
    }

    /** Returns true if every one of the first {@code count} elements is finite. */
    public static boolean allFinite(DMatrixRMaj m, int count) {
        double[] d = m.data;
        double acc = 0;
        for (int i = 0; i < count; i++) {
            acc += d[i] * 0.0;
        }
        return acc == 0;
    }
}
