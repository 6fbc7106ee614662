package dev.nn.core.plugins;

import dev.nn.core.spi.GradientRegularizer;
import dev.nn.core.spi.Weights;

/** The book's L1: penalty {@code s Σ |w|}, gradient {@code s sign(w)}, step {@code w = w - step sign(w)}; id {@code l1}. */
public final class L1Regularizer implements GradientRegularizer {

    /** The stable id. */
    public static final String ID = "l1";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public double penalty(Weights weights, double strength) {
        return strength * WeightSums.absolute(weights);
    }

    @Override
    public void addGradient(Weights weights, double strength, Weights gradient) {
        for (int k = 0; k < weights.inputs(); k++) {
            double[] w = weights.input(k);
            double[] g = gradient.input(k);
            for (int j = 0; j < weights.units(); j++) {
                g[j] += strength * Math.signum(w[j]);
            }
        }
    }

    @Override
    public void decay(Weights weights, double step) {
        for (int k = 0; k < weights.inputs(); k++) {
            double[] w = weights.input(k);
            for (int j = 0; j < weights.units(); j++) {
                w[j] -= step * Math.signum(w[j]);
            }
        }
    }
}
