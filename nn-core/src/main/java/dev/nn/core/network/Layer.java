package dev.nn.core.network;

/**
 * One layer of a {@link Network}, as the network's structure and its model file describe it: a
 * {@link DenseLayer} (weights, biases and an activation) or a {@link DropoutLayer}. The parameters
 * themselves stay in the network. A new layer type (a softmax output layer, a convolution) is a
 * new description here plus its {@link LayerPass}; the trainer does not change.
 */
public sealed interface Layer permits DenseLayer, DropoutLayer {

    /** Returns the type as model files store it, such as {@code "dense"} or {@code "dropout"}. */
    String type();

    /** Returns the number of values this layer outputs per example. */
    int units();
}
