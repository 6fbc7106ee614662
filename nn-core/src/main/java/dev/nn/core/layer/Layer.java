package dev.nn.core.layer;

import dev.nn.core.spi.Activation;
import java.util.List;

/**
 * One layer of a network: it owns its parameters (weights, biases, a gain, or none) and makes the
 * passes that run it forward and backward. Made by its {@link LayerType}; the network is a list of
 * layers and a cost, and nothing outside a layer knows how it stores its parameters.
 *
 * <p>A layer is not safe for use by several threads while one trains it.
 */
public interface Layer {

    /** Returns the type with this layer's settings; saved models store it. */
    LayerType type();

    /** Returns the shape of one example's input. */
    Shape inputShape();

    /** Returns the shape of one example's output. */
    Shape outputShape();

    /** Returns the activation the layer applies, if it takes one from the network; null by default. */
    default Activation activation() {
        return null;
    }

    /** Returns the layer's parameters, live, in a fixed order; none by default. */
    default List<ParameterBlock> parameters() {
        return List.of();
    }

    /** Makes a pass for training or evaluating, with buffers for batches of up to {@code setup.maxBatch()}. */
    LayerPass newPass(PassSetup setup);

    /** Returns a layer of the same type and settings with a copy of the parameters (this one if it has none). */
    Layer copy();
}
