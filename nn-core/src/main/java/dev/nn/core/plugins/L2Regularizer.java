package dev.nn.core.plugins;

import dev.nn.core.spi.GradientRegularizer;
import dev.nn.core.spi.Weights;

/** L2 weight decay: penalty {@code s/2 Σ w²}, gradient {@code s w}, step {@code w = (1 - step) w}; id {@code l2}. */
public final class L2Regularizer implements GradientRegularizer {

    /** The stable id. */
    public static final String ID = "l2";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public double penalty(Weights weights, double strength) {
        return 0.5 * strength * WeightSums.squares(weights);
    }

    @Override
    public void addGradient(Weights weights, double strength, Weights gradient) {
        for (int k = 0; k < weights.inputs(); k++) {
            double[] w = weights.input(k);
            double[] g = gradient.input(k);
            for (int j = 0; j < weights.units(); j++) {
                g[j] += strength * w[j];
            }
        }
    }

    @Override
    public void decay(Weights weights, double step) {
        double factor = 1 - step;
        for (int k = 0; k < weights.inputs(); k++) {
            double[] w = weights.input(k);
            for (int j = 0; j < weights.units(); j++) {
                w[j] = factor * w[j];
            }
        }
    }
}
