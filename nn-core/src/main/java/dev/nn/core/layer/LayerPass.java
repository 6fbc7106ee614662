package dev.nn.core.layer;

import dev.nn.core.data.DataSet;
import dev.nn.core.spi.Cost;
import dev.nn.core.spi.Matrix;

/**
 * One layer's part of a pass over mini-batches: its buffers, sized once for the largest batch, its
 * forward and, when training, its backward step. Inputs and outputs are matrices with one example
 * per row, the values of a {@link Shape} in its order. The engine runs the passes of a network in
 * order forward and in reverse order backward; a pass is not thread-safe.
 */
public interface LayerPass {

    /** out = f(in) for the first {@code m} rows of {@code in}. */
    void forward(Matrix in, int m);

    /** Returns the output of the last {@link #forward}, {@code m x outputShape().size()}. */
    Matrix output();

    /**
     * Returns the buffer the layer above writes ∂C/∂output into, {@code maxBatch x outputSize};
     * null in a pass that does not train.
     */
    Matrix gradient();

    /**
     * Propagates the gradient in {@link #gradient()} (which the pass may overwrite) back through the
     * layer: writes ∂C/∂input for the first {@code m} rows into {@code gradIn}, unless it is null
     * (the first layer), and keeps what its parameters' gradients need.
     *
     * @return false if a value it computed is NaN or infinite
     */
    boolean backward(Matrix gradIn, int m);

    /**
     * Backward from the cost, for the network's last layer: by default ∂C/∂output from
     * {@link Cost#derivative} into {@link #gradient()}, then {@link #backward}. A layer with an
     * activation overrides it to use {@link Cost#delta} (cross-entropy after sigmoid: {@code a - y}).
     *
     * @param targets the desired outputs, first {@code m} rows
     * @return false if a value computed is NaN or infinite
     */
    default boolean backwardFromCost(Cost cost, Matrix targets, Matrix gradIn, int m) {
        Matrix grad = gradient();
        grad.setRows(m);
        cost.derivative(output(), targets, grad);
        return backward(gradIn, m);
    }

    /**
     * Writes the sums over the last batch of ∂C/∂p into {@code sums[i]}, one array for each of the
     * layer's {@link Layer#parameters()} in order, shaped like it. Called after {@link #backward};
     * a layer without parameters need not implement it.
     */
    default void parameterGradients(double[][][] sums) {
    }

    /**
     * Returns the pass's own update of its layer's parameters, for a layer that fuses the gradient
     * sums with the step (the dense layer does, for plain SGD); null, the default, for the engine's:
     * {@link #parameterGradients}, then the rule's step on the mean gradient and the regularizers.
     */
    default ParameterUpdate ownUpdate(UpdateSetup setup) {
        return null;
    }

    /**
     * Returns which kernels the last {@link #forward} chose for its rows and why, in a few words
     * for a benchmark's report (the dense layer: "sparse rows, 19% of inputs nonzero" or "dense
     * rows, four-row kernels"); empty, the default, for a pass with one way of computing.
     */
    default String kernels() {
        return "";
    }

    /**
     * Takes example {@code example} of {@code data} as input row {@code s} of the next
     * {@link #forward}, for a first layer that reads its input straight from the data (the dense
     * layer copies only the nonzero inputs); returns false, the default, if it does not, and the
     * engine then copies the example into the input matrix.
     */
    default boolean load(int s, DataSet data, int example) {
        return false;
    }

    /**
     * Returns how many values the pass draws per example in training from the step's generator,
     * each with one {@code nextDouble()} or {@code nextLong()} (never {@code nextGaussian()}, whose
     * draws vary): a resumed run skips that many to draw what the uninterrupted run draws. 0, the
     * default, for a pass that draws nothing.
     */
    default int drawsPerExample() {
        return 0;
    }
}
