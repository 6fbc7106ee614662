package dev.nn.core.network;

import dev.nn.core.spi.Matrix;

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
    public Matrix weights(int l) {
        step.ensureGradients();
        double[][] rows = step.nablaW(l);
        Matrix m = Matrix.of(rows.length == 0 ? 0 : rows[0].length, rows.length);
        for (int k = 0; k < rows.length; k++) {
            if (step.touched(l, k)) {
                for (int j = 0; j < rows[k].length; j++) {
                    m.set(j, k, rows[k][j]);
                }
            }
        }
        return m;
    }

    /** Returns a copy of layer {@code l}'s {@code nabla_b}, {@code n_out x 1}. */
    public Matrix biases(int l) {
        step.ensureGradients();
        double[] nb = step.nablaB(l);
        return Matrix.wrap(nb.length, 1, nb.clone());
    }

    /** Returns the Euclidean (Frobenius) norm of layer {@code l}'s {@code nabla_w}. */
    public double weightNorm(int l) {
        step.ensureGradients();
        double[][] rows = step.nablaW(l);
        double sumSquares = 0;
        for (int k = 0; k < rows.length; k++) {
            if (step.touched(l, k)) {
                for (double v : rows[k]) {
                    sumSquares += v * v;
                }
            }
        }
        return Math.sqrt(sumSquares);
    }
}
