package com.example.nnplugin;

import dev.nn.core.spi.ProximalRegularizer;
import dev.nn.core.spi.Weights;

/**
 * Group lasso over units, applied as a proximal step: penalty s Σ_j |w_j| (the L2 norm of unit j's
 * incoming weights), step w_j = w_j max(0, 1 - eta s / |w_j|), which switches whole units off.
 * It needs every weight of a unit at once, so it asks for the whole layer.
 */
public final class GroupLassoRegularizer implements ProximalRegularizer {

    @Override
    public String id() {
        return "group-lasso";
    }

    @Override
    public boolean elementwise() {
        return false;
    }

    @Override
    public double penalty(Weights weights, double strength) {
        double sum = 0;
        for (double norm : unitNorms(weights)) {
            sum += norm;
        }
        return strength * sum;
    }

    @Override
    public void apply(Weights weights, double lambda, double eta, int n) {
        double threshold = eta * lambda / n;
        double[] norms = unitNorms(weights);
        for (int j = 0; j < norms.length; j++) {
            norms[j] = norms[j] > threshold ? 1 - threshold / norms[j] : 0.0;
        }
        for (int k = 0; k < weights.inputs(); k++) {
            double[] w = weights.input(k);
            for (int j = 0; j < w.length; j++) {
                w[j] *= norms[j];
            }
        }
    }

    private static double[] unitNorms(Weights weights) {
        double[] squares = new double[weights.units()];
        for (int k = 0; k < weights.inputs(); k++) {
            double[] w = weights.input(k);
            for (int j = 0; j < w.length; j++) {
                squares[j] += w[j] * w[j];
            }
        }
        for (int j = 0; j < squares.length; j++) {
            squares[j] = Math.sqrt(squares[j]);
        }
        return squares;
    }
}
