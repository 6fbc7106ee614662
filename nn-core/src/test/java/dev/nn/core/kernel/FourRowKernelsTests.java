package dev.nn.core.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The four-row kernels give every element the bits of the one-row kernels, at every count and width. */
class FourRowKernelsTests {

    private final SplittableRandom random = new SplittableRandom(47);

    private double[][] rows(int n, int cols) {
        double[][] r = new double[n][cols];
        for (double[] row : r) {
            for (int j = 0; j < cols; j++) {
                // values of many magnitudes, so that a changed order of additions shows in the last bits
                row[j] = random.nextDouble(-1, 1) * Math.pow(10, random.nextInt(-3, 4));
            }
        }
        return r;
    }

    private int[] someRows(int count, int of) {
        int[] idx = new int[count];
        for (int p = 0; p < count; p++) {
            idx[p] = random.nextInt(of);
        }
        return idx;
    }

    private static void assertSameBits(double[] expected, double[] actual, String what) {
        for (int j = 0; j < expected.length; j++) {
            assertEquals(Double.doubleToRawLongBits(expected[j]), Double.doubleToRawLongBits(actual[j]),
                    what + ", element " + j + ": " + expected[j] + " against " + actual[j]);
        }
    }

    @Test
    void combineHasTheBitsOfTheOneRowKernel() {
        for (int cols : new int[] {1, 7, 10, 30, 33, 100}) {
            double[][] rows = rows(50, cols);
            rows[3][0] = -0.0;
            for (int count = 0; count <= 23; count++) {
                int[] idx = someRows(count, 50);
                double[][] v = rows(4, count);
                if (count > 2) {
                    v[1][2] = 0.0;
                }
                double[][] expected = new double[4][cols];
                for (int i = 0; i < 4; i++) {
                    RowKernels.combine(rows, idx, v[i], count, expected[i]);
                }
                double[][] acc = new double[4][cols];
                for (double[] a : acc) {
                    Arrays.fill(a, 7.0);
                }
                FourRowKernels.combine(rows, idx, count, v[0], v[1], v[2], v[3], acc[0], acc[1], acc[2], acc[3]);
                for (int i = 0; i < 4; i++) {
                    assertSameBits(expected[i], acc[i], "combination " + i + " of " + count + " terms, " + cols + " wide");
                }
            }
        }
    }

    @Test
    void subtractCombinationHasTheBitsOfTheOneRowKernel() {
        for (int cols : new int[] {1, 10, 30, 100}) {
            double[][] rows = rows(50, cols);
            for (int count = 5; count <= 23; count++) {
                int[] idx = someRows(count, 50);
                double[][] v = rows(4, count);
                double[][] w = rows(4, cols);
                double[][] expected = new double[4][];
                double[] scratch = new double[cols];
                for (int i = 0; i < 4; i++) {
                    expected[i] = w[i].clone();
                    RowKernels.subtractCombination(rows, idx, v[i], count, scratch, 0.03, expected[i]);
                }
                double[][] s = new double[4][cols];
                FourRowKernels.subtractCombination(rows, idx, count, v[0], v[1], v[2], v[3], s[0], s[1], s[2], s[3],
                        0.03, w[0], w[1], w[2], w[3]);
                for (int i = 0; i < 4; i++) {
                    assertSameBits(expected[i], w[i], "row " + i + " after " + count + " terms, " + cols + " wide");
                }
            }
        }
    }

    @Test
    void subtractCombinationLeavesFourTermsOrFewerToTheOneRowKernel() {
        double[] r = new double[3];
        assertThrows(IllegalArgumentException.class, () -> FourRowKernels.subtractCombination(new double[][] {r},
                new int[] {0, 0, 0, 0}, 4, r, r, r, r, r, r, r, r, 1, r, r, r, r));
    }
}
