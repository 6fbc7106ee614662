package dev.nn.core.plugins;

import dev.nn.core.spi.Regularizer;
import org.ejml.data.DMatrixRMaj;

/** L1: penalty {@code s Σ |w|}, update {@code w = w - step sign(w)}; id {@code l1}. */
public final class L1Regularizer implements Regularizer {

    /** The stable id. */
    public static final String ID = "l1";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public double penalty(DMatrixRMaj weights, double strength) {
        int n = weights.getNumElements();
        double sumAbs = 0;
        for (int i = 0; i < n; i++) {
            sumAbs += Math.abs(weights.data[i]);
        }
        return strength * sumAbs;
    }

    @Override
    public void decay(DMatrixRMaj weights, double step) {
        int n = weights.getNumElements();
        double[] w = weights.data;
        for (int i = 0; i < n; i++) {
            w[i] -= step * Math.signum(w[i]);
        }
    }
}
