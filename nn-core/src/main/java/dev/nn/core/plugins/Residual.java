package dev.nn.core.plugins;

import org.ejml.data.DMatrixRMaj;

/** The residual {@code out = a - y}, element by element: the quadratic cost's derivative and two exact deltas. */
final class Residual {

    private Residual() {
    }

    static void of(DMatrixRMaj a, DMatrixRMaj y, DMatrixRMaj out) {
        int n = a.getNumElements();
        for (int i = 0; i < n; i++) {
            out.data[i] = a.data[i] - y.data[i];
        }
    }
}
