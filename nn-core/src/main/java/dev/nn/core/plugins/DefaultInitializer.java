package dev.nn.core.plugins;

import dev.nn.core.spi.WeightInitializer;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;

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
    public void initialize(DMatrixRMaj weights, DMatrixRMaj biases, SplittableRandom random) {
        double scale = Math.sqrt(weights.numCols);
        Gaussians.fill(weights, random);
        for (int i = 0; i < weights.getNumElements(); i++) {
            weights.data[i] /= scale;
        }
        Gaussians.fill(biases, random);
    }
}
