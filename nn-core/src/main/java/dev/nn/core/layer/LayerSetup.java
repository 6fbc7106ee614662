package dev.nn.core.layer;

import dev.nn.core.spi.Activation;
import dev.nn.core.spi.WeightInitializer;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * What a {@link LayerType} makes a layer from.
 *
 * @param input the shape of one example's input
 * @param activation the layer's activation if its type {@linkplain LayerType#takesActivation takes one}, else null
 * @param initializer draws the initial weights and biases
 * @param random the network's generator of initial parameters, shared by its layers in order
 */
public record LayerSetup(Shape input, Activation activation, WeightInitializer initializer, SplittableRandom random) {

    /** Checks that the input, initializer and generator are there. */
    public LayerSetup {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(initializer, "initializer");
        Objects.requireNonNull(random, "random");
    }
}
