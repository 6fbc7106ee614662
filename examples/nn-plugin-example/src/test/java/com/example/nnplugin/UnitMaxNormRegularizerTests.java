package com.example.nnplugin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.nn.core.contract.ProximalRegularizerContract;
import dev.nn.core.spi.ProximalRegularizer;
import dev.nn.core.spi.Weights;
import org.junit.jupiter.api.Test;

class UnitMaxNormRegularizerTests extends ProximalRegularizerContract {

    @Override
    protected ProximalRegularizer create() {
        return new UnitMaxNormRegularizer();
    }

    /** A projection: 0 while every unit's incoming weights have a norm of at most lambda, else infinity. */
    @Override
    protected double proximalTerm(Weights u, double lambda, double eta, int n) {
        for (int j = 0; j < u.units(); j++) {
            if (Math.sqrt(u.unitSquaredNorm(j)) > lambda * (1 + 1e-12)) {
                return Double.POSITIVE_INFINITY;
            }
        }
        return 0;
    }

    @Test
    void scalesOnlyTheUnitsAboveTheCap() {
        // two inputs, two units: unit 0 has norm 5 (3, 4), unit 1 has norm 1 (0.6, 0.8)
        double[][] byInput = {{3, 0.6}, {4, 0.8}};
        new UnitMaxNormRegularizer().apply(Weights.of(byInput, 2), 2.0, 0.1, 1000);
        assertArrayEquals(new double[] {3 * 0.4, 0.6}, byInput[0], 1e-15);
        assertArrayEquals(new double[] {4 * 0.4, 0.8}, byInput[1], 1e-15);
    }
}
