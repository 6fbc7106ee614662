package dev.nn.core.plugins.layers;

import dev.nn.core.spi.Parameter;
import dev.nn.core.spi.UpdateRule;
import dev.nn.core.spi.Weights;

/**
 * The views of one dense layer's parameters that the update rule and the regularizers see, each made once: the weights, the
 * mean gradient, the rule's state, and a view of each block of inputs a thread updates (the blocks of a split are
 * the same at every step, so each is made once).
 */
final class DenseViews {

    private final Weights weights;
    private final Weights meanGradient;
    private final double[][] gradientRows;
    final Parameter weightParameter;
    final Parameter biasParameter;
    private final double[][] biasGradient;
    /** By a block's first input: the block views last used from there and where they end. */
    private final Weights[] weightBlocks;
    private final Weights[] gradientBlocks;
    private final int[] blockTo;

    DenseViews(double[][] w, double[] b, UpdateRule rule, int layer, long[] steps) {
        int units = b.length;
        weights = Weights.of(w, units);
        gradientRows = new double[w.length][units];
        meanGradient = Weights.of(gradientRows, units);
        weightParameter = new Parameter(w, gradientRows, new double[rule.stateSlots()][w.length][units],
                Parameter.WEIGHTS, layer, steps);
        biasGradient = new double[1][units];
        biasParameter = new Parameter(new double[][] {b}, biasGradient, new double[rule.stateSlots()][1][units],
                Parameter.BIASES, layer, steps);
        weightBlocks = new Weights[w.length];
        gradientBlocks = new Weights[w.length];
        blockTo = new int[w.length];
    }

    Weights weights() {
        return weights;
    }

    Weights meanGradient() {
        return meanGradient;
    }

    double[] gradientRow(int k) {
        return gradientRows[k];
    }

    /**
     * Returns the view of inputs [from, to) of the weights, made again only when a block starting
     * at {@code from} ends elsewhere. Threads ask for disjoint blocks, so they use different slots.
     */
    Weights weightBlock(int from, int to) {
        refreshBlocks(from, to);
        return weightBlocks[from];
    }

    Weights gradientBlock(int from, int to) {
        refreshBlocks(from, to);
        return gradientBlocks[from];
    }

    private void refreshBlocks(int from, int to) {
        if (weightBlocks[from] == null || blockTo[from] != to) {
            weightBlocks[from] = weights.block(from, to);
            gradientBlocks[from] = meanGradient.block(from, to);
            blockTo[from] = to;
        }
    }

    /** The bias gradient: nabla_b / m. */
    void setBiasGradient(double[] nablaB, int m) {
        double[] g = biasGradient[0];
        for (int j = 0; j < g.length; j++) {
            g[j] = nablaB[j] / m;
        }
    }
}
