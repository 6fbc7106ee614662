package dev.nn.core.network;

import dev.nn.core.spi.GradientRegularizer;
import dev.nn.core.spi.Parameter;
import dev.nn.core.spi.ProximalRegularizer;
import dev.nn.core.spi.Regularizer;
import dev.nn.core.spi.UpdateRule;
import dev.nn.core.spi.Weights;
import java.util.List;

/**
 * The update of one dense layer's parameters by a rule and regularizers, given the sums of its
 * gradients over a mini-batch. Holds the views the plugins see, each made once: the weights, the
 * mean gradient, the rule's state, and per thread part a view of the block of inputs it updates.
 */
final class LayerUpdate {

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

    LayerUpdate(double[][] w, double[] b, UpdateRule rule, int parts, int layer, long[] steps) {
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

    /** Every regularizer in the list that acts in the gradient phase: {@code decay}, on these weights. */
    static void decay(List<Regularization> regs, Weights w, boolean elementwise, double eta, int n) {
        for (int i = 0; i < regs.size(); i++) {
            Regularization r = regs.get(i);
            if (r.lambda() != 0 && r.regularizer() instanceof GradientRegularizer
                    && r.regularizer().elementwise() == elementwise) {
                ((GradientRegularizer) r.regularizer()).decay(w, eta * (r.lambda() / n));
            }
        }
    }

    /** Adds each gradient-phase regularizer's term to the mean gradient. */
    static void addGradients(List<Regularization> regs, Weights w, Weights g, boolean elementwise, int n) {
        for (int i = 0; i < regs.size(); i++) {
            Regularization r = regs.get(i);
            if (r.lambda() != 0 && r.regularizer() instanceof GradientRegularizer
                    && r.regularizer().elementwise() == elementwise) {
                ((GradientRegularizer) r.regularizer()).addGradient(w, r.lambda() / n, g);
            }
        }
    }

    /** Applies each proximal regularizer to these weights, after the gradient step. */
    static void proximal(List<Regularization> regs, Weights w, boolean elementwise, double eta, int n) {
        for (int i = 0; i < regs.size(); i++) {
            Regularization r = regs.get(i);
            if (r.lambda() != 0 && r.regularizer() instanceof ProximalRegularizer
                    && r.regularizer().elementwise() == elementwise) {
                ((ProximalRegularizer) r.regularizer()).apply(w, r.lambda(), eta, n);
            }
        }
    }

    /** Returns true if some regularizer of the list adds a gradient term (with lambda > 0). */
    static boolean hasGradientTerm(List<Regularization> regs) {
        for (int i = 0; i < regs.size(); i++) {
            Regularizer r = regs.get(i).regularizer();
            if (r instanceof GradientRegularizer && regs.get(i).lambda() != 0) {
                return true;
            }
        }
        return false;
    }
}
