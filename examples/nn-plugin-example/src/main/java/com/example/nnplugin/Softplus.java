package com.example.nnplugin;

import dev.nn.core.spi.ElementwiseActivation;

/** softplus(z) = ln(1 + e^z), a smooth ReLU; its derivative is the sigmoid. */
public final class Softplus implements ElementwiseActivation {

    @Override
    public String id() {
        return "softplus";
    }

    @Override
    public double value(double z) {
        return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
    }

    @Override
    public double derivative(double z, double a) {
        return 1 / (1 + Math.exp(-z));
    }
}
