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

    /**
     * Rescales unit j's weights w[j][*] by c / ||w[j]|| where that norm exceeds c (lambda 0 leaves
     * them). Unit by unit, so that it allocates nothing.
     */
    @Override
    public void apply(Weights weights, double lambda, double eta, int n) {
        if (lambda == 0) {
            return;
        }
        for (int j = 0; j < weights.units(); j++) {
            double squares = 0;
            for (int k = 0; k < weights.inputs(); k++) {
                double w = weights.input(k)[j];
                squares += w * w;
            }
            double norm = Math.sqrt(squares);
            if (norm > lambda) {
                double scale = lambda / norm;
                for (int k = 0; k < weights.inputs(); k++) {
                    double[] w = weights.input(k);
                    w[j] = w[j] * scale;
                }
            }
        }
    }
}
