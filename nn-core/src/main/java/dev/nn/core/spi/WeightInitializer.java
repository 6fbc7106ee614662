package dev.nn.core.spi;

import java.util.SplittableRandom;

/**
 * Draws a layer's initial weights and biases. All randomness comes from the given generator, so
 * the same seed gives the same network, bit for bit.
 */
public interface WeightInitializer extends Plugin {

    /**
     * Fills one layer's parameters.
     *
     * @param weights {@code n_out x n_in}, network2.py's layout: row j holds the weights into unit j. Modified.
     * @param biases {@code n_out x 1}. Modified.
     * @param random the source of all randomness. Modified.
     */
    void initialize(Matrix weights, Matrix biases, SplittableRandom random);

    /**
     * Fills one layer's parameters knowing its {@link Fans}, as a layer calls it. The default
     * ignores the fans and calls {@link #initialize(Matrix, Matrix, SplittableRandom)}, which sees
     * the weights as {@code units x inputs}.
     */
    default void initialize(Matrix weights, Matrix biases, Fans fans, SplittableRandom random) {
        initialize(weights, biases, random);
    }
}
