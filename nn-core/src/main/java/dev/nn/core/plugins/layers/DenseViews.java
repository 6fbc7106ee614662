package dev.nn.core.plugins.layers;

import dev.nn.core.spi.Parameter;
import dev.nn.core.spi.UpdateRule;
import dev.nn.core.spi.Weights;

/**
 * The views of one dense layer's parameters that the update rule and the regularizers see, each made once: the weights, the
 * mean gradient, the rule's state, and per thread part a view of the block of inputs it updates.
 */
final class DenseViews {

    private final Weights weights;
    private final Weights meanGradient;
    private final double[][] gradientRows;
    final Parameter weightParameter;
    final Parameter biasParameter;
    private final double[][] biasGradient;
    /** Per thread part: the block views last used and their bounds. */
    private final Weights[] weightBlocks;
    private final Weights[] gradientBlocks;
    private final int[] blockFrom;
    private final int[] blockTo;

    DenseViews(double[][] w, double[] b, UpdateRule rule, int parts, int layer, long[] steps) {
        int units = b.length;
        weights = Weights.of(w, units);
        gradientRows = new double[w.length][units];
        meanGradient = Weights.of(gradientRows, units);
        weightParameter = new Parameter(w, gradientRows, new double[rule.stateSlots()][w.length][units],
                Parameter.WEIGHTS, layer, steps);
        biasGradient = new double[1][units];
        biasParameter = new Parameter(new double[][] {b}, biasGradient, new double[rule.stateSlots()][1][units],
                Parameter.BIASES, layer, steps);
        weightBlocks = new Weights[parts];
        gradientBlocks = new Weights[parts];
        blockFrom = new int[parts];
        blockTo = new int[parts];
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

    /** Returns the view of inputs [from, to) of the weights, made again only when the bounds change. */
    Weights weightBlock(int part, int from, int to) {
        refreshBlocks(part, from, to);
        return weightBlocks[part];
    }

    Weights gradientBlock(int part, int from, int to) {
        refreshBlocks(part, from, to);
        return gradientBlocks[part];
    }

    private void refreshBlocks(int part, int from, int to) {
        if (weightBlocks[part] == null || blockFrom[part] != from || blockTo[part] != to) {
            weightBlocks[part] = weights.block(from, to);
            gradientBlocks[part] = meanGradient.block(from, to);
            blockFrom[part] = from;
            blockTo[part] = to;
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
