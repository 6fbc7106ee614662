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
 * @param pooledBy the {@linkplain LayerType#poolingArea pooling area} of the layer after this one (1
 *     if none): a layer divides its fan-out by it when it gives its initializer its
 *     {@link dev.nn.core.spi.Fans}
 */
public record LayerSetup(Shape input, Activation activation, WeightInitializer initializer, SplittableRandom random,
        int pooledBy) {

    /** A setup with no pooling after the layer. */
    public LayerSetup(Shape input, Activation activation, WeightInitializer initializer, SplittableRandom random) {
        this(input, activation, initializer, random, 1);
    }

    /** Checks that the input, initializer and generator are there and the pooling area is at least 1. */
    public LayerSetup {
        if (pooledBy < 1) {
            throw new IllegalArgumentException("pooledBy must be >= 1, got " + pooledBy);
        }
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(initializer, "initializer");
        Objects.requireNonNull(random, "random");
    }
}
