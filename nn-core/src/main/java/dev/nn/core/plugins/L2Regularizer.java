package dev.nn.core.plugins;

import dev.nn.core.spi.Regularizer;
import org.ejml.data.DMatrixRMaj;

/** L2 weight decay: penalty {@code s/2 Σ w²}, update {@code w = (1 - step) w}; id {@code l2}. */
public final class L2Regularizer implements Regularizer {

    /** The stable id. */
    public static final String ID = "l2";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public double penalty(DMatrixRMaj weights, double strength) {
        int n = weights.getNumElements();
        double sumSquares = 0;
        for (int i = 0; i < n; i++) {
            sumSquares += weights.data[i] * weights.data[i];
        }
        return 0.5 * strength * sumSquares;
    }

    @Override
    public void decay(DMatrixRMaj weights, double step) {
        double factor = 1 - step;
        int n = weights.getNumElements();
        double[] w = weights.data;
        for (int i = 0; i < n; i++) {
            w[i] = factor * w[i];
        }
    }
}
