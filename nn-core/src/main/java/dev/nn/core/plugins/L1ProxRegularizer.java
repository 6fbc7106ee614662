package dev.nn.core.plugins;

import dev.nn.core.spi.ProximalRegularizer;
import dev.nn.core.spi.Weights;

/**
 * Proximal L1: the penalty {@code s Σ |w|} of {@code l1}, applied after the gradient step as its
 * proximal map, the soft threshold {@code w = sign(w) max(|w| - eta lambda/n, 0)}. Weights that
 * would cross zero stop at exactly zero, which the book's L1 step never gives; id {@code l1-prox}.
 */
public final class L1ProxRegularizer implements ProximalRegularizer {

    /** The stable id. */
    public static final String ID = "l1-prox";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public double penalty(Weights weights, double strength) {
        return strength * WeightSums.absolute(weights);
    }

    @Override
    public void apply(Weights weights, double lambda, double eta, int n) {
        double threshold = eta * (lambda / n);
        for (int k = 0; k < weights.inputs(); k++) {
            double[] w = weights.input(k);
            for (int j = 0; j < weights.units(); j++) {
                double shrunk = Math.abs(w[j]) - threshold;
                w[j] = shrunk > 0 ? Math.copySign(shrunk, w[j]) : 0.0;
            }
        }
    }
}
