package dev.nn.core.network;

import java.util.SplittableRandom;

/**
 * Inverted dropout of the hidden layers, chapter 3: during training each hidden unit of each
 * example is kept with probability {@code 1 - p} and its activation scaled by {@code 1/(1 - p)}, so
 * that evaluation, which keeps every unit, needs no change.
 *
 * <p>The masks of a mini-batch are drawn on the training thread before it is fed forward, from one
 * generator seeded once per run, in a fixed order: hidden layer by layer, example by example, unit
 * by unit, one {@code nextDouble()} each, the unit kept when it is {@code >= p}. So the masks, and
 * the results, are the same at any thread count. Sized once; not thread-safe.
 */
final class DropoutMasks {

    private final double p;
    private final double scale;
    private final SplittableRandom random;
    /** mask[h][s * units + j]: 0 or 1/(1-p), for hidden layer h (the output of weight layer h). */
    private final double[][] mask;
    private final int[] units;

    /**
     * Creates the masks of a network.
     *
     * @param sizes the layer sizes, input first: the hidden layers are {@code sizes[1 .. length-2]}
     */
    DropoutMasks(int[] sizes, int maxBatch, double p, long seed) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("dropout probability must be in [0, 1), got " + p);
        }
        this.p = p;
        this.scale = 1 / (1 - p);
        this.random = new SplittableRandom(seed);
        int hidden = sizes.length - 2;
        mask = new double[hidden][];
        units = new int[hidden];
        for (int h = 0; h < hidden; h++) {
            units[h] = sizes[h + 1];
            mask[h] = new double[maxBatch * units[h]];
        }
    }

    /** Returns the probability of dropping a unit. */
    double probability() {
        return p;
    }

    /** Draws the masks of the first {@code m} examples of the next mini-batch. */
    void draw(int m) {
        for (int h = 0; h < mask.length; h++) {
            double[] mh = mask[h];
            int n = m * units[h];
            for (int i = 0; i < n; i++) {
                mh[i] = random.nextDouble() >= p ? scale : 0.0;
            }
        }
    }

    /** Returns true if weight layer {@code l}'s output is a hidden layer, which dropout masks. */
    boolean masks(int l) {
        return l < mask.length;
    }

    /**
     * out = in ⊙ mask of weight layer {@code l}'s output, for the first {@code n} values (m examples x units).
     *
     * @param in not modified
     * @param out modified; may be {@code in}
     */
    void apply(int l, double[] in, double[] out, int n) {
        double[] mh = mask[l];
        for (int i = 0; i < n; i++) {
            out[i] = in[i] * mh[i];
        }
    }
}
