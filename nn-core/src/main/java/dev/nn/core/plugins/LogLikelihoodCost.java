package dev.nn.core.plugins;

import dev.nn.core.spi.Activation;
import dev.nn.core.spi.Cost;
import dev.nn.core.spi.Matrix;

/**
 * The log-likelihood C = -Σ_j y_j ln a_j, which for a one-hot y is -ln a_y; id
 * {@code log-likelihood}. Meant for a softmax output layer, where the delta is the exact
 * {@code a - y}. A saturated output (a_y exactly 0) costs ln of the smallest double, about 744
 * ({@link SaturatedLog}), so the cost stays finite.
 */
public final class LogLikelihoodCost implements Cost {

    /** The stable id. */
    public static final String ID = "log-likelihood";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean needsProbabilities() {
        return true;
    }

    @Override
    public double value(Matrix a, Matrix y) {
        int cols = a.cols();
        double total = 0;
        for (int row = 0; row < a.rows(); row++) {
            double example = 0;
            for (int i = row * cols; i < (row + 1) * cols; i++) {
                if (y.data()[i] != 0) {
                    example -= y.data()[i] * SaturatedLog.of(a.data()[i]);
                }
            }
            total += NanToNum.of(example);
        }
        return total;
    }

    @Override
    public void derivative(Matrix a, Matrix y, Matrix gradA) {
        int n = a.size();
        for (int i = 0; i < n; i++) {
            gradA.data()[i] = y.data()[i] == 0 ? 0.0 : -y.data()[i] / a.data()[i];
        }
    }

    @Override
    public void delta(Activation output, Matrix z, Matrix a, Matrix y, Matrix delta) {
        if (!Softmax.ID.equals(output.id())) {
            Cost.super.delta(output, z, a, y, delta);
            return;
        }
        Residual.of(a, y, delta);
    }
}
