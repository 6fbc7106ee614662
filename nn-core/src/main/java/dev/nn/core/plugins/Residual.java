package dev.nn.core.plugins;

import dev.nn.core.spi.Matrix;

/** The residual {@code out = a - y}, element by element: the quadratic cost's derivative and two exact deltas. */
final class Residual {

    private Residual() {
    }

    static void of(Matrix a, Matrix y, Matrix out) {
        int n = a.size();
        for (int i = 0; i < n; i++) {
            out.data()[i] = a.data()[i] - y.data()[i];
        }
    }
}
