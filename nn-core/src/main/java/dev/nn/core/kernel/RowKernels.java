package dev.nn.core.kernel;

import java.util.Arrays;

/**
 * The multiply-add kernels of feedforward and backprop, on matrices stored one array per row.
 *
 * <p>Every array is indexed from 0 in the inner loops: HotSpot's C2 vectorizes such loops but not
 * ones that index an array from a variable offset. Every sum has the fixed order stated per method,
 * which depends only on the data, never on threads, so results are the same bits at any thread
 * count. Zero inputs are skipped by the callers (they add nothing).
 */
public final class RowKernels {

    private RowKernels() {
    }

    /**
     * acc = Σ_p val[p] · rows[idx[p]] over {@code p < count}: acc starts at 0 and takes the terms in
     * increasing p, four at a time as {@code acc += (t0 + t1) + (t2 + t3)}, the last {@code count % 4}
     * one at a time.
     *
     * @param rows the rows combined, each at least {@code acc.length} long. Not modified.
     * @param idx which rows, in the order summed. Not modified.
     * @param val their coefficients. Not modified.
     * @param acc the result. Modified.
     */
    public static void combine(double[][] rows, int[] idx, double[] val, int count, double[] acc) {
        int groups = count >> 2;
        storeGroups(rows, idx, val, groups, acc);
        addRest(rows, idx, val, 4 * groups, count & 3, groups > 0, acc);
    }

    /**
     * acc = Σ of the first {@code groups} groups of four terms, each added as {@code (t0 + t1) + (t2 +
     * t3)}; the first is stored as {@code 0 + its sum}, the bits of adding it to a zeroed acc, so acc
     * is not zeroed first. Does nothing for no groups.
     */
    private static void storeGroups(double[][] rows, int[] idx, double[] val, int groups, double[] acc) {
        int n = acc.length;
        for (int g = 0, p = 0; g < groups; g++, p += 4) {
            double x0 = val[p];
            double x1 = val[p + 1];
            double x2 = val[p + 2];
            double x3 = val[p + 3];
            double[] r0 = rows[idx[p]];
            double[] r1 = rows[idx[p + 1]];
            double[] r2 = rows[idx[p + 2]];
            double[] r3 = rows[idx[p + 3]];
            if (g == 0) {
                for (int j = 0; j < n; j++) {
                    acc[j] = 0.0 + ((x0 * r0[j] + x1 * r1[j]) + (x2 * r2[j] + x3 * r3[j]));
                }
            } else {
                for (int j = 0; j < n; j++) {
                    acc[j] += (x0 * r0[j] + x1 * r1[j]) + (x2 * r2[j] + x3 * r3[j]);
                }
            }
        }
    }

    /**
     * acc = acc + t_p + t_(p+1) + ..., one term at a time, for the {@code rest < 4} terms from p, in one
     * pass; acc is taken as 0 unless {@code started}.
     */
    static void addRest(double[][] rows, int[] idx, double[] val, int p, int rest, boolean started,
            double[] acc) {
        int n = acc.length;
        if (!started) {
            Arrays.fill(acc, 0.0);
        }
        if (rest == 0) {
            return;
        }
        double x0 = val[p];
        double[] r0 = rows[idx[p]];
        switch (rest) {
            case 1:
                for (int j = 0; j < n; j++) {
                    acc[j] = acc[j] + x0 * r0[j];
                }
                return;
            case 2: {
                double x1 = val[p + 1];
                double[] r1 = rows[idx[p + 1]];
                for (int j = 0; j < n; j++) {
                    acc[j] = (acc[j] + x0 * r0[j]) + x1 * r1[j];
                }
                return;
            }
            default: {
                double x1 = val[p + 1];
                double x2 = val[p + 2];
                double[] r1 = rows[idx[p + 1]];
                double[] r2 = rows[idx[p + 2]];
                for (int j = 0; j < n; j++) {
                    acc[j] = ((acc[j] + x0 * r0[j]) + x1 * r1[j]) + x2 * r2[j];
                }
            }
        }
    }

    /**
     * The gradient step of one weight row: {@code w = w - c · combine(rows, idx, val, count)} with
     * the bits of {@link #combine} then {@link #subtractScaled} (same terms, same order). Rows with
     * at most four terms, the usual case for a mini-batch of sparse inputs, take one pass and never
     * store the combination; longer ones keep all but the last group of four (or the rest after the
     * groups) in {@code scratch}.
     *
     * @param scratch as long as {@code w}; overwritten with a partial sum when {@code count > 4}, else
     *     not touched
     * @param w the weight row. Modified.
     */
    public static void subtractCombination(double[][] rows, int[] idx, double[] val, int count, double[] scratch,
            double c, double[] w) {
        int n = w.length;
        switch (count) {
            case 0:
                // c · 0 subtracted: w - 0.0 is w, bit for bit (-0.0 - 0.0 is -0.0)
                return;
            case 1: {
                double x0 = val[0];
                double[] r0 = rows[idx[0]];
                for (int j = 0; j < n; j++) {
                    w[j] = w[j] - c * (0.0 + x0 * r0[j]);
                }
                return;
            }
            case 2: {
                double x0 = val[0];
                double x1 = val[1];
                double[] r0 = rows[idx[0]];
                double[] r1 = rows[idx[1]];
                for (int j = 0; j < n; j++) {
                    w[j] = w[j] - c * ((0.0 + x0 * r0[j]) + x1 * r1[j]);
                }
                return;
            }
            case 3: {
                double x0 = val[0];
                double x1 = val[1];
                double x2 = val[2];
                double[] r0 = rows[idx[0]];
                double[] r1 = rows[idx[1]];
                double[] r2 = rows[idx[2]];
                for (int j = 0; j < n; j++) {
                    w[j] = w[j] - c * (((0.0 + x0 * r0[j]) + x1 * r1[j]) + x2 * r2[j]);
                }
                return;
            }
            case 4: {
                double x0 = val[0];
                double x1 = val[1];
                double x2 = val[2];
                double x3 = val[3];
                double[] r0 = rows[idx[0]];
                double[] r1 = rows[idx[1]];
                double[] r2 = rows[idx[2]];
                double[] r3 = rows[idx[3]];
                for (int j = 0; j < n; j++) {
                    w[j] = w[j] - c * (0.0 + ((x0 * r0[j] + x1 * r1[j]) + (x2 * r2[j] + x3 * r3[j])));
                }
                return;
            }
            default:
                subtractLongCombination(rows, idx, val, count, scratch, c, w);
        }
    }

    /**
     * {@link #subtractCombination} for more than four terms, in as many passes as groups of four:
     * the groups are stored as {@link #combine} stores them, but the last one, or the one-by-one
     * rest after them, is added in the pass that steps w, which stores no sum: combine's additions
     * in its order, then subtractScaled's.
     */
    private static void subtractLongCombination(double[][] rows, int[] idx, double[] val, int count,
            double[] acc, double c, double[] w) {
        int n = w.length;
        int rest = count & 3;
        int stored = rest == 0 ? (count >> 2) - 1 : count >> 2;
        storeGroups(rows, idx, val, stored, acc);
        int p = 4 * stored;
        double x0 = val[p];
        double[] r0 = rows[idx[p]];
        switch (rest) {
            case 0: {
                double x1 = val[p + 1];
                double x2 = val[p + 2];
                double x3 = val[p + 3];
                double[] r1 = rows[idx[p + 1]];
                double[] r2 = rows[idx[p + 2]];
                double[] r3 = rows[idx[p + 3]];
                for (int j = 0; j < n; j++) {
                    w[j] = w[j] - c * (acc[j] + ((x0 * r0[j] + x1 * r1[j]) + (x2 * r2[j] + x3 * r3[j])));
                }
                return;
            }
            case 1:
                for (int j = 0; j < n; j++) {
                    w[j] = w[j] - c * (acc[j] + x0 * r0[j]);
                }
                return;
            case 2: {
                double x1 = val[p + 1];
                double[] r1 = rows[idx[p + 1]];
                for (int j = 0; j < n; j++) {
                    w[j] = w[j] - c * ((acc[j] + x0 * r0[j]) + x1 * r1[j]);
                }
                return;
            }
            default: {
                double x1 = val[p + 1];
                double x2 = val[p + 2];
                double[] r1 = rows[idx[p + 1]];
                double[] r2 = rows[idx[p + 2]];
                for (int j = 0; j < n; j++) {
                    w[j] = w[j] - c * (((acc[j] + x0 * r0[j]) + x1 * r1[j]) + x2 * r2[j]);
                }
            }
        }
    }

    /**
     * w = w - c · g, element by element.
     *
     * @param w the parameters. Modified.
     * @param g the gradient, at least as long. Not modified.
     */
    public static void subtractScaled(double[] w, double c, double[] g) {
        for (int j = 0; j < w.length; j++) {
            w[j] = w[j] - c * g[j];
        }
    }

    /**
     * Returns true if every element is finite.
     *
     * @param a not modified
     */
    public static boolean allFinite(double[] a, int n) {
        double acc = 0;
        for (int i = 0; i < n; i++) {
            acc += a[i] * 0.0;
        }
        return acc == 0;
    }
}
