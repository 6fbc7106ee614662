package dev.nn.core.network;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The unregularized gradients of the last mini-batch of a {@link TrainingStep}: for each layer,
 * network2.py's {@code nabla_w} and {@code nabla_b}, summed over the batch (not averaged).
 *
 * <p>A view: nothing is copied until asked, and values are valid until the step's next batch.
 */
public final class Gradients {

    private final TrainingStep step;

    Gradients(TrainingStep step) {
        this.step = step;
    }

    /** Returns the number of layers. */
    public int layerCount() {
        return step.network().layerCount();
    }

    /** Returns the number of examples the sums run over. */
    public int batchSize() {
        return step.batchSize();
    }

    /** Returns a copy of layer {@code l}'s {@code nabla_w}, {@code n_out x n_in}. */
    public DMatrixRMaj weights(int l) {
        return CommonOps_DDRM.transpose(step.nablaWT(l), null);
    }

    /** Returns a copy of layer {@code l}'s {@code nabla_b}, {@code n_out x 1}. */
    public DMatrixRMaj biases(int l) {
        DMatrixRMaj nb = step.nablaB(l);
        return new DMatrixRMaj(nb.numCols, 1, true, nb.data.clone());
    }

    /** Returns the Euclidean (Frobenius) norm of layer {@code l}'s {@code nabla_w}. */
    public double weightNorm(int l) {
        DMatrixRMaj n = step.nablaWT(l);
        double sumSquares = 0;
        for (int i = 0; i < n.getNumElements(); i++) {
            sumSquares += n.data[i] * n.data[i];
        }
        return Math.sqrt(sumSquares);
    }
}
