package com.example.nnplugin;

import dev.nn.core.spi.ProximalRegularizer;
import dev.nn.core.spi.Weights;

/**
 * Max-norm per unit, written against {@link Weights}' unit views: after every step, each unit
 * whose incoming weights have an L2 norm above the lambda given ({@code --regularizer
 * unit-max-norm=2}) is scaled back to it. A constraint, so its penalty is 0; it needs whole units,
 * so it asks for the whole layer.
 */
public final class UnitMaxNormRegularizer implements ProximalRegularizer {

    @Override
    public String id() {
        return "unit-max-norm";
    }

    @Override
    public boolean elementwise() {
        return false;
    }

    @Override
    public double penalty(Weights weights, double strength) {
        return 0.0;
    }

    @Override
    public void apply(Weights weights, double cap, double eta, int n) {
        if (cap == 0) {
            return;
        }
        for (int j = 0; j < weights.units(); j++) {
            double norm = Math.sqrt(weights.unitSquaredNorm(j));
            if (norm > cap) {
                weights.scaleUnit(j, cap / norm);
            }
        }
    }
}
