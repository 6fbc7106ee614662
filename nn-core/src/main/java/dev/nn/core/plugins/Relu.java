package dev.nn.core.plugins;

import dev.nn.core.spi.ElementwiseActivation;

/** The rectified linear unit max(0, z); id {@code relu}. The derivative at 0 is taken as 0. */
public final class Relu implements ElementwiseActivation {

    /** The stable id. */
    public static final String ID = "relu";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public double value(double z) {
        return z > 0 ? z : 0.0;
    }

    @Override
    public double derivative(double z, double a) {
        return z > 0 ? 1.0 : 0.0;
    }
}
