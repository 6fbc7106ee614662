package dev.nn.core.plugins;

import dev.nn.core.contract.ProximalRegularizerContract;
import dev.nn.core.spi.ProximalRegularizer;
import dev.nn.core.spi.Weights;

class MaxNormRegularizerTests extends ProximalRegularizerContract {

    @Override
    protected ProximalRegularizer create() {
        return new MaxNormRegularizer();
    }

    /** A projection: 0 while every unit's incoming weights have a norm of at most lambda, else infinity. */
    @Override
    protected double proximalTerm(Weights u, double lambda, double eta, int n) {
        for (int j = 0; j < u.units(); j++) {
            double squares = 0;
            for (int k = 0; k < u.inputs(); k++) {
                squares += u.get(j, k) * u.get(j, k);
            }
            if (Math.sqrt(squares) > lambda * (1 + 1e-12)) {
                return Double.POSITIVE_INFINITY;
            }
        }
        return 0;
    }
}
