package dev.nn.core.plugins;

import dev.nn.core.spi.WeightInitializer;
import java.util.SplittableRandom;
import dev.nn.core.spi.Matrix;

/**
 * network2.py's {@code default_weight_initializer}: weights N(0,1)/√n_in, biases N(0,1); id
 * {@code default}. Weights are drawn row by row, then the biases.
 */
public final class DefaultInitializer implements WeightInitializer {

    /** The stable id. */
    public static final String ID = "default";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void initialize(Matrix weights, Matrix biases, SplittableRandom random) {
        double scale = Math.sqrt(weights.cols());
        Gaussians.fill(weights, random);
        for (int i = 0; i < weights.size(); i++) {
            weights.data()[i] /= scale;
        }
        Gaussians.fill(biases, random);
    }
}
