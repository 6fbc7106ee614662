package com.example.nnswish;

import dev.nn.core.spi.ElementwiseActivation;

/** swish(z) = z * sigmoid(z) (Ramachandran et al., 2017); its derivative is s + z s (1 - s). */
public final class Swish implements ElementwiseActivation {

    @Override
    public String id() {
        return "swish";
    }

    @Override
    public double value(double z) {
        return z / (1 + Math.exp(-z));
    }

    @Override
    public double derivative(double z, double a) {
        double s = 1 / (1 + Math.exp(-z));
        return s + z * s * (1 - s);
    }
}
