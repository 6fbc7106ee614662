package com.example.nnplugin;

import dev.nn.core.spi.GradientRegularizer;
import dev.nn.core.spi.Weights;

/** Elastic net, half L1 and half L2: penalty s (½ Σ|w| + ¼ Σw²), gradient s (½ sign(w) + ½ w). */
public final class ElasticNetRegularizer implements GradientRegularizer {

    @Override
    public String id() {
        return "elastic-net";
    }

    @Override
    public double penalty(Weights weights, double strength) {
        double abs = 0;
        double squares = 0;
        for (int k = 0; k < weights.inputs(); k++) {
            for (double w : weights.input(k)) {
                abs += Math.abs(w);
                squares += w * w;
            }
        }
        return strength * (0.5 * abs + 0.25 * squares);
    }

    @Override
    public void addGradient(Weights weights, double strength, Weights gradient) {
        for (int k = 0; k < weights.inputs(); k++) {
            double[] w = weights.input(k);
            double[] g = gradient.input(k);
            for (int j = 0; j < w.length; j++) {
                g[j] += strength * (0.5 * Math.signum(w[j]) + 0.5 * w[j]);
            }
        }
    }

    @Override
    public void decay(Weights weights, double step) {
        for (int k = 0; k < weights.inputs(); k++) {
            double[] w = weights.input(k);
            for (int j = 0; j < w.length; j++) {
                w[j] -= step * (0.5 * Math.signum(w[j]) + 0.5 * w[j]);
            }
        }
    }
}
