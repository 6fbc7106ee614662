package dev.nn.core.layer;

import dev.nn.core.spi.Plugin;

/**
 * A kind of layer, a plugin: {@code dense}, {@code dropout}, or an outside author's. Its
 * hyperparameters ({@link Plugin#hyperparameters()}) are the layer's settings (a dense layer's
 * {@code units}, dropout's {@code p}); {@link #create} makes a layer of it for a given input.
 *
 * <p>Saved models store the type by id with its hyperparameters and make the layer again from
 * them, so a type must build the same layer from the same settings, and its id must never change.
 */
public interface LayerType extends Plugin {

    /**
     * Returns true if the layer applies an activation that the network chooses (a dense layer's σ):
     * the setup then carries one. False by default.
     */
    default boolean takesActivation() {
        return false;
    }

    /**
     * Makes a layer of this type, with this instance's hyperparameters, for inputs of
     * {@code setup.input()}, its parameters drawn from {@code setup.random()} (and the initializer)
     * in a fixed order, so that the same seed gives the same layer.
     *
     * @throws IllegalArgumentException naming the setting if the layer cannot take this input
     */
    Layer create(LayerSetup setup);

    /**
     * Returns how many outputs of the layer before one output of this layer summarizes per channel,
     * such as a 2x2 max-pool's 4; 1 (the default) for the rest. network3.py counts a convolution's
     * fan-out after its pooling, so the builder divides the fan-out of the layer before by this
     * ({@link LayerSetup#pooledBy}).
     */
    default int poolingArea() {
        return 1;
    }
}
