package dev.nn.core.plugins;

import dev.nn.core.spi.Cost;
import dev.nn.core.spi.Matrix;

/** The quadratic cost C = ½ ‖a - y‖²; id {@code quadratic}. */
public final class QuadraticCost implements Cost {

    /** The stable id. */
    public static final String ID = "quadratic";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public double value(Matrix a, Matrix y) {
        int cols = a.cols();
        double total = 0;
        for (int row = 0; row < a.rows(); row++) {
            double sumSquares = 0;
            for (int i = row * cols; i < (row + 1) * cols; i++) {
                double d = a.data()[i] - y.data()[i];
                sumSquares += d * d;
            }
            total += 0.5 * sumSquares;
        }
        return total;
    }

    @Override
    public void derivative(Matrix a, Matrix y, Matrix gradA) {
        Residual.of(a, y, gradA);
    }
}
