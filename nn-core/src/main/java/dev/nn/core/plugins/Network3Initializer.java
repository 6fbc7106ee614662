package dev.nn.core.plugins;

import dev.nn.core.spi.Fans;
import dev.nn.core.spi.Matrix;
import dev.nn.core.spi.WeightInitializer;
import java.util.SplittableRandom;

/**
 * network3.py's initialization (chapter 6), id {@code network3}: weights N(0, 1/fan-out), biases
 * N(0, 1); the fan-out of a dense layer is its units, of a convolution its filters x size x size
 * divided by the pooling window after it. The book later calls scaling by the fan-out a mistake;
 * it is here so that nn can run chapter 6 as the book did. Given no fans it scales by the units
 * (the rows of the weights).
 */
public final class Network3Initializer implements WeightInitializer {

    /** The stable id. */
    public static final String ID = "network3";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void initialize(Matrix weights, Matrix biases, SplittableRandom random) {
        initialize(weights, biases, new Fans(weights.cols(), weights.rows()), random);
    }

    @Override
    public void initialize(Matrix weights, Matrix biases, Fans fans, SplittableRandom random) {
        double scale = Math.sqrt(fans.out());
        Gaussians.fill(weights, random);
        for (int i = 0; i < weights.size(); i++) {
            weights.data()[i] /= scale;
        }
        Gaussians.fill(biases, random);
    }
}
