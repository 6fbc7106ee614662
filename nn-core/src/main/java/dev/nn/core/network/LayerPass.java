package dev.nn.core.network;

import dev.nn.core.spi.Matrix;

/**
 * One layer's part of a pass over mini-batches: its buffers, sized once for the largest batch, its
 * forward and, when training, its backward step. A pass is made for training or for evaluating and
 * stays so (dropout drops units only in training). Not thread-safe; the engine runs the passes of
 * a network in order, forward, and in reverse order, backward.
 *
 * <p>This is the seam a new layer type slots into: a class implementing it, and a case in
 * {@link ForwardPass} that makes it from the layer's description ({@link Layer}). Neither the
 * trainer nor the other layers change.
 */
interface LayerPass {

    /** out = f(in) for the first {@code m} rows of {@code in}. */
    void forward(Matrix in, int m);

    /** Returns the output of the last {@link #forward}, {@code m x outputSize}. */
    Matrix output();

    /**
     * Returns the buffer the layer above writes ∂C/∂output into, {@code maxBatch x outputSize};
     * null in a pass that does not train.
     */
    Matrix gradient();

    /**
     * Propagates the gradient in {@link #gradient()} (which the pass may overwrite) back through the
     * layer: writes ∂C/∂input for the first {@code m} rows into {@code gradIn}, unless it is null
     * (the first layer), and keeps what its parameter update needs.
     *
     * @return false if a value it computed is NaN or infinite
     */
    boolean backward(Matrix gradIn, int m);
}
