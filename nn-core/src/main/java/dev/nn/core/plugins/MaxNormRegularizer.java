package dev.nn.core.plugins;

import dev.nn.core.spi.ProximalRegularizer;
import dev.nn.core.spi.Weights;

/**
 * Max-norm: after every step each unit's incoming weight vector is rescaled to an L2 norm of at
 * most {@code c}, the lambda given ({@code --regularizer max-norm=3}); a constraint, so its
 * penalty is 0 (every network it leaves is feasible); id {@code max-norm}. It needs whole units,
 * so it always takes the whole layer.
 */
public final class MaxNormRegularizer implements ProximalRegularizer {

    /** The stable id. */
    public static final String ID = "max-norm";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public double penalty(Weights weights, double strength) {
        return 0.0;
    }

    @Override
    public boolean elementwise() {
        return false;
    }

    /** Rescales unit j's weights w[j][*] by c / ||w[j]|| where that norm exceeds c (lambda 0 leaves them). */
    @Override
    public void apply(Weights weights, double lambda, double eta, int n) {
        if (lambda == 0) {
            return;
        }
        int units = weights.units();
        double[] squares = new double[units];
        for (int k = 0; k < weights.inputs(); k++) {
            double[] w = weights.input(k);
            for (int j = 0; j < units; j++) {
                squares[j] += w[j] * w[j];
            }
        }
        double[] scale = new double[units];
        for (int j = 0; j < units; j++) {
            double norm = Math.sqrt(squares[j]);
            scale[j] = norm > lambda ? lambda / norm : 1.0;
        }
        for (int k = 0; k < weights.inputs(); k++) {
            double[] w = weights.input(k);
            for (int j = 0; j < units; j++) {
                w[j] = w[j] * scale[j];
            }
        }
    }
}
