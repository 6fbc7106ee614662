package dev.nn.core.plugins;

import dev.nn.core.spi.WeightInitializer;
import java.util.SplittableRandom;
import dev.nn.core.spi.Matrix;

/**
 * network2.py's {@code large_weight_initializer}: weights and biases N(0,1); id {@code large}.
 * Weights are drawn row by row, then the biases.
 */
public final class LargeInitializer implements WeightInitializer {

    /** The stable id. */
    public static final String ID = "large";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void initialize(Matrix weights, Matrix biases, SplittableRandom random) {
        Gaussians.fill(weights, random);
        Gaussians.fill(biases, random);
    }
}
