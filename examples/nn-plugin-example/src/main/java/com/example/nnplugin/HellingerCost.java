package com.example.nnplugin;

import dev.nn.core.spi.Cost;
import dev.nn.core.spi.Matrix;

/** The Hellinger distance C = ½ Σ_j (√a_j − √y_j)², for outputs in (0, 1). */
public final class HellingerCost implements Cost {

    @Override
    public String id() {
        return "hellinger";
    }

    @Override
    public double value(Matrix a, Matrix y) {
        double total = 0;
        for (int i = 0; i < a.size(); i++) {
            double d = Math.sqrt(a.data()[i]) - Math.sqrt(y.data()[i]);
            total += 0.5 * d * d;
        }
        return total;
    }

    @Override
    public void derivative(Matrix a, Matrix y, Matrix gradA) {
        for (int i = 0; i < a.size(); i++) {
            double root = Math.sqrt(a.data()[i]);
            gradA.data()[i] = (root - Math.sqrt(y.data()[i])) / (2 * root);
        }
    }
}
