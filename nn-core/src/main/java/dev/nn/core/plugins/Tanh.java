package dev.nn.core.plugins;

import dev.nn.core.spi.ElementwiseActivation;

/** The hyperbolic tangent; id {@code tanh}. */
public final class Tanh implements ElementwiseActivation {

    /** The stable id. */
    public static final String ID = "tanh";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public double value(double z) {
        return Math.tanh(z);
    }

    @Override
    public double derivative(double z, double a) {
        return 1.0 - a * a;
    }
}
