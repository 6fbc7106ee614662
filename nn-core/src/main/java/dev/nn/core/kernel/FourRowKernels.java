package dev.nn.core.kernel;

/**
 * {@link RowKernels} for four combinations at once that take the same rows with their own
 * coefficients: four examples of a batch whose inputs are dense (every input nonzero), or four
 * weight rows whose inputs are nonzero in every example of a batch. Each group of four rows is
 * combined into all four results while it is in the L1 cache, where the one-row kernels read every
 * row again from farther away for each result. (A loop storing the four results at once would keep
 * each loaded row in a register, but C2 does not vectorize a loop with four stores.)
 *
 * <p>Every element of every result has the bits the one-row kernel gives it: the same terms in the
 * same order, grouped the same way, so a caller may block any rows it likes and the results do not
 * depend on which ones it blocked (or on the thread count). Apart from RowKernels' rest pass, which
 * both call, the loops repeat RowKernels' rather than share helpers with it: helpers called from
 * the one-row kernels' groups and last pass change how the JIT compiles them, and w1, a 0.3 s run
 * half of which is the JIT's, took 7% longer that way (10 interleaved runs).
 */
public final class FourRowKernels {

    private FourRowKernels() {
    }

    /**
     * a_i = {@link RowKernels#combine}{@code (rows, idx, v_i, count)} for i = 0..3, with its bits.
     *
     * @param a0 the first result, as long as every other result. Modified; likewise a1, a2, a3.
     */
    public static void combine(double[][] rows, int[] idx, int count, double[] v0, double[] v1, double[] v2,
            double[] v3, double[] a0, double[] a1, double[] a2, double[] a3) {
        int groups = count >> 2;
        storeGroups(rows, idx, groups, v0, v1, v2, v3, a0, a1, a2, a3);
        int p = 4 * groups;
        // the up to three terms after the groups, in one pass per combination (from 0 without groups)
        RowKernels.addRest(rows, idx, v0, p, count & 3, groups > 0, a0);
        RowKernels.addRest(rows, idx, v1, p, count & 3, groups > 0, a1);
        RowKernels.addRest(rows, idx, v2, p, count & 3, groups > 0, a2);
        RowKernels.addRest(rows, idx, v3, p, count & 3, groups > 0, a3);
    }

    /**
     * w_i = w_i - c · combine(rows, idx, v_i, count) for i = 0..3, with the bits of
     * {@link RowKernels#subtractCombination}; for {@code count > 4} only (shorter ones take the
     * one-row kernel).
     *
     * @param s0 as long as w0, overwritten with a partial sum; likewise s1, s2, s3
     * @param w0 a weight row. Modified; likewise w1, w2, w3.
     */
    public static void subtractCombination(double[][] rows, int[] idx, int count, double[] v0, double[] v1,
            double[] v2, double[] v3, double[] s0, double[] s1, double[] s2, double[] s3, double c, double[] w0,
            double[] w1, double[] w2, double[] w3) {
        if (count <= 4) {
            throw new IllegalArgumentException("count " + count + ": at most 4 terms take the one-row kernel");
        }
        int rest = count & 3;
        int stored = rest == 0 ? (count >> 2) - 1 : count >> 2;
        storeGroups(rows, idx, stored, v0, v1, v2, v3, s0, s1, s2, s3);
        int p = 4 * stored;
        switch (rest) {
            case 0:
                stepWithGroup(rows, idx, p, v0, s0, c, w0);
                stepWithGroup(rows, idx, p, v1, s1, c, w1);
                stepWithGroup(rows, idx, p, v2, s2, c, w2);
                stepWithGroup(rows, idx, p, v3, s3, c, w3);
                return;
            default:
                stepWithRest(rows, idx, p, rest, v0, s0, c, w0);
                stepWithRest(rows, idx, p, rest, v1, s1, c, w1);
                stepWithRest(rows, idx, p, rest, v2, s2, c, w2);
                stepWithRest(rows, idx, p, rest, v3, s3, c, w3);
        }
    }

    /** w = w - c · (s + the group of four terms from p), as RowKernels' last pass adds a whole group. */
    private static void stepWithGroup(double[][] rows, int[] idx, int p, double[] v, double[] s, double c,
            double[] w) {
        double x0 = v[p];
        double x1 = v[p + 1];
        double x2 = v[p + 2];
        double x3 = v[p + 3];
        double[] r0 = rows[idx[p]];
        double[] r1 = rows[idx[p + 1]];
        double[] r2 = rows[idx[p + 2]];
        double[] r3 = rows[idx[p + 3]];
        for (int j = 0; j < w.length; j++) {
            w[j] = w[j] - c * (s[j] + ((x0 * r0[j] + x1 * r1[j]) + (x2 * r2[j] + x3 * r3[j])));
        }
    }

    /** w = w - c · (s + t_p + ... one at a time) for the {@code rest} (1 to 3) terms from p. */
    private static void stepWithRest(double[][] rows, int[] idx, int p, int rest, double[] v, double[] s, double c,
            double[] w) {
        int n = w.length;
        double x0 = v[p];
        double[] r0 = rows[idx[p]];
        switch (rest) {
            case 1:
                for (int j = 0; j < n; j++) {
                    w[j] = w[j] - c * (s[j] + x0 * r0[j]);
                }
                return;
            case 2: {
                double x1 = v[p + 1];
                double[] r1 = rows[idx[p + 1]];
                for (int j = 0; j < n; j++) {
                    w[j] = w[j] - c * ((s[j] + x0 * r0[j]) + x1 * r1[j]);
                }
                return;
            }
            default: {
                double x1 = v[p + 1];
                double x2 = v[p + 2];
                double[] r1 = rows[idx[p + 1]];
                double[] r2 = rows[idx[p + 2]];
                for (int j = 0; j < n; j++) {
                    w[j] = w[j] - c * (((s[j] + x0 * r0[j]) + x1 * r1[j]) + x2 * r2[j]);
                }
            }
        }
    }

    /**
     * a_i = Σ of the first {@code groups} groups of four terms of combination i, as
     * {@link RowKernels}' groups: each added as {@code (t0 + t1) + (t2 + t3)}, the first stored as
     * {@code 0 + its sum}. Does nothing for no groups.
     */
    private static void storeGroups(double[][] rows, int[] idx, int groups, double[] v0, double[] v1,
            double[] v2, double[] v3, double[] a0, double[] a1, double[] a2, double[] a3) {
        int n = a0.length;
        for (int g = 0, p = 0; g < groups; g++, p += 4) {
            double[] r0 = rows[idx[p]];
            double[] r1 = rows[idx[p + 1]];
            double[] r2 = rows[idx[p + 2]];
            double[] r3 = rows[idx[p + 3]];
            double x00 = v0[p];
            double x01 = v0[p + 1];
            double x02 = v0[p + 2];
            double x03 = v0[p + 3];
            double x10 = v1[p];
            double x11 = v1[p + 1];
            double x12 = v1[p + 2];
            double x13 = v1[p + 3];
            double x20 = v2[p];
            double x21 = v2[p + 1];
            double x22 = v2[p + 2];
            double x23 = v2[p + 3];
            double x30 = v3[p];
            double x31 = v3[p + 1];
            double x32 = v3[p + 2];
            double x33 = v3[p + 3];
            group(g, n, r0, r1, r2, r3, x00, x01, x02, x03, a0);
            group(g, n, r0, r1, r2, r3, x10, x11, x12, x13, a1);
            group(g, n, r0, r1, r2, r3, x20, x21, x22, x23, a2);
            group(g, n, r0, r1, r2, r3, x30, x31, x32, x33, a3);
        }
    }

    /** Adds the group of four terms to acc as RowKernels does, or stores {@code 0 + it} as the first group. */
    private static void group(int g, int n, double[] r0, double[] r1, double[] r2, double[] r3, double x0,
            double x1, double x2, double x3, double[] acc) {
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
