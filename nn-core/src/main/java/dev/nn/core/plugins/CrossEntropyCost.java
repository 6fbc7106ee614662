package dev.nn.core.plugins;

import dev.nn.core.spi.Activation;
import dev.nn.core.spi.Cost;
import dev.nn.core.spi.Matrix;

/**
 * The cross-entropy C = -Σ_j [y_j ln a_j + (1 - y_j) ln(1 - a_j)]; id {@code cross-entropy}.
 *
 * <p>As network2.py's {@code np.nan_to_num}, a term whose weight y_j or 1 - y_j is zero counts
 * as 0; unlike it, a saturated output (a_j exactly 0 or 1 where its term counts) costs ln of the
 * smallest double, about 744, rather than infinity ({@link SaturatedLog}), so the cost of a
 * history stays finite. After a sigmoid
 * output layer the delta is the exact {@code a - y}.
 */
public final class CrossEntropyCost implements Cost {

    /** The stable id. */
    public static final String ID = "cross-entropy";

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
                double ai = a.data()[i];
                double yi = y.data()[i];
                if (yi != 0) {
                    example -= yi * SaturatedLog.of(ai);
                }
                if (yi != 1) {
                    example -= (1 - yi) * SaturatedLog.of(1 - ai);
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
            double ai = a.data()[i];
            gradA.data()[i] = (ai - y.data()[i]) / (ai * (1 - ai));
        }
    }

    @Override
    public void delta(Activation output, Matrix z, Matrix a, Matrix y, Matrix delta) {
        if (!Sigmoid.ID.equals(output.id())) {
            Cost.super.delta(output, z, a, y, delta);
            return;
        }
        Residual.of(a, y, delta);
    }
}
