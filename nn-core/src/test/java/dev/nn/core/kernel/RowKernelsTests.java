package dev.nn.core.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/** The kernels against EJML's general routines, at the shapes of the benchmark networks. */
class RowKernelsTests {

    private final SplittableRandom random = new SplittableRandom(31);

    private double[][] rows(int n, int cols) {
        double[][] r = new double[n][cols];
        for (double[] row : r) {
            for (int j = 0; j < cols; j++) {
                row[j] = random.nextDouble(-1, 1);
            }
        }
        return r;
    }

    @Test
    void combineIsASparseVectorTimesAMatrix() {
        for (int cols : new int[] {10, 30, 100}) {
            double[][] w = rows(784, cols);
            DMatrixRMaj x = new DMatrixRMaj(1, 784);
            int[] idx = new int[784];
            double[] val = new double[784];
            int count = 0;
            for (int k = 0; k < 784; k++) {
                if (random.nextInt(5) == 0) {
                    x.set(0, k, random.nextDouble());
                    idx[count] = k;
                    val[count++] = x.get(0, k);
                }
            }
            double[] acc = new double[cols];
            RowKernels.combine(w, idx, val, count, acc);
            DMatrixRMaj expected = new DMatrixRMaj(1, cols);
            CommonOps_DDRM.mult(x, new DMatrixRMaj(w), expected);
            for (int j = 0; j < cols; j++) {
                assertEquals(expected.get(0, j), acc[j], 1e-12, "column " + j + " of " + cols);
            }
        }
    }

    @Test
    void combineSumsInItsStatedOrder() {
        for (int cols : new int[] {1, 10, 30, 100}) {
            double[][] rows = rows(40, cols);
            rows[2][0] = -0.0;
            for (int count = 0; count <= 21; count++) {
                int[] idx = new int[count];
                double[] val = new double[count];
                for (int p = 0; p < count; p++) {
                    idx[p] = random.nextInt(40);
                    val[p] = p == 2 ? 0.0 : random.nextDouble(-2, 2);
                }
                // the documented order, written out: from 0, groups of four as (t0 + t1) + (t2 + t3), then one at a time
                double[] expected = new double[cols];
                int p = 0;
                for (; p + 3 < count; p += 4) {
                    for (int j = 0; j < cols; j++) {
                        expected[j] += (val[p] * rows[idx[p]][j] + val[p + 1] * rows[idx[p + 1]][j])
                                + (val[p + 2] * rows[idx[p + 2]][j] + val[p + 3] * rows[idx[p + 3]][j]);
                    }
                }
                for (; p < count; p++) {
                    for (int j = 0; j < cols; j++) {
                        expected[j] += val[p] * rows[idx[p]][j];
                    }
                }
                double[] acc = new double[cols];
                java.util.Arrays.fill(acc, 7.0);
                RowKernels.combine(rows, idx, val, count, acc);
                for (int j = 0; j < cols; j++) {
                    assertEquals(Double.doubleToRawLongBits(expected[j]), Double.doubleToRawLongBits(acc[j]),
                            "count " + count + ", cols " + cols + ", column " + j);
                }
            }
        }
    }

    @Test
    void subtractCombinationGivesTheBitsOfCombineThenSubtractScaled() {
        for (int cols : new int[] {1, 10, 30, 100}) {
            double[][] rows = rows(40, cols);
            rows[3][0] = -0.0;
            rows[5][0] = 0.0;
            for (int count = 0; count <= 21; count++) {
                int[] idx = new int[count];
                double[] val = new double[count];
                for (int p = 0; p < count; p++) {
                    idx[p] = p % 2 == 0 ? 3 + p : random.nextInt(40);
                    val[p] = p == 1 ? 0.0 : random.nextDouble(-2, 2);
                }
                double[] w = rows(1, cols)[0];
                w[0] = -0.0;
                double[] expectedW = w.clone();
                double[] expectedAcc = new double[cols];
                RowKernels.combine(rows, idx, val, count, expectedAcc);
                RowKernels.subtractScaled(expectedW, 0.05, expectedAcc);
                double[] scratch = new double[cols];
                java.util.Arrays.fill(scratch, 7.0);
                RowKernels.subtractCombination(rows, idx, val, count, scratch, 0.05, w);
                for (int j = 0; j < cols; j++) {
                    String where = "count " + count + ", cols " + cols + ", column " + j;
                    assertEquals(Double.doubleToRawLongBits(expectedW[j]), Double.doubleToRawLongBits(w[j]), where);
                }
            }
        }
    }

    @Test
    void subtractScaled() {
        double[] w = {1, 2, 3};
        RowKernels.subtractScaled(w, 0.5, new double[] {2, 4, 6});
        assertEquals(0.0, w[0], 0.0);
        assertEquals(0.0, w[2], 0.0);
    }

    @Test
    void allFiniteSpotsNanAndInfinity() {
        assertTrue(RowKernels.allFinite(new double[] {1, 2, 3}, 3));
        assertFalse(RowKernels.allFinite(new double[] {1, Double.NaN, 3}, 3));
        assertFalse(RowKernels.allFinite(new double[] {1, Double.NEGATIVE_INFINITY}, 2));
        assertTrue(RowKernels.allFinite(new double[] {1, Double.NaN}, 1), "only the first n count");
    }
}
