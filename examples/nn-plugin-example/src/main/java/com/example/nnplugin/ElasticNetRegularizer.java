package com.example.nnplugin;

import dev.nn.core.spi.Regularizer;
import org.ejml.data.DMatrixRMaj;

/** Elastic net, half L1 and half L2: penalty s (½ Σ|w| + ¼ Σw²), update w − step (½ sign(w) + ½ w). */
public final class ElasticNetRegularizer implements Regularizer {

    @Override
    public String id() {
        return "elastic-net";
    }

    @Override
    public double penalty(DMatrixRMaj weights, double strength) {
        double abs = 0;
        double squares = 0;
        for (int i = 0; i < weights.getNumElements(); i++) {
            abs += Math.abs(weights.data[i]);
            squares += weights.data[i] * weights.data[i];
        }
        return strength * (0.5 * abs + 0.25 * squares);
    }

    @Override
    public void decay(DMatrixRMaj weights, double step) {
        for (int i = 0; i < weights.getNumElements(); i++) {
            double w = weights.data[i];
            weights.data[i] = w - step * (0.5 * Math.signum(w) + 0.5 * w);
        }
    }
}
