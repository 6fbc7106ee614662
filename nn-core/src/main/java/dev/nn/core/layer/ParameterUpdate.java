package dev.nn.core.layer;

import java.util.List;

/**
 * The update of one layer's parameters after a mini-batch's backward pass: the gradient sums, the
 * update rule and the regularizers. The engine has one for every layer with parameters; a layer
 * may offer its own ({@link LayerPass#ownUpdate}). Made once per training step; allocates nothing
 * per batch.
 */
public interface ParameterUpdate {

    /**
     * Updates the parameters from the last batch.
     *
     * @param eta the learning rate
     * @param penalties the regularizers of the run, with their strengths
     * @param batch the number of examples in the batch
     */
    void apply(double eta, Penalties penalties, int batch);

    /** Computes the gradient sums of the last batch without updating, if {@link #apply} did not keep them. */
    void sumGradients();

    /** Returns true if {@link #apply} leaves the gradient sums behind (a fused step does not). */
    boolean keepsSums();

    /**
     * Returns the sum over the last batch of ∂C/∂p for parameter block {@code block}, shaped like it;
     * rows not {@linkplain #touched touched} hold no value of this batch.
     */
    double[][] gradientSums(int block);

    /** Returns false if row {@code row} of block {@code block} had no gradient in the last batch; true by default. */
    default boolean touched(int block, int row) {
        return true;
    }

    /** Adds the rule's state arrays, row by row: for each block in order, each slot, each row. */
    void addStateRows(List<double[]> rows);
}
