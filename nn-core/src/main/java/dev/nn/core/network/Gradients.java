package dev.nn.core.network;

import dev.nn.core.layer.ParameterBlock;
import dev.nn.core.layer.ParameterUpdate;
import dev.nn.core.spi.Matrix;
import dev.nn.core.spi.Parameter;

/**
 * The unregularized gradients of the last mini-batch of a {@link TrainingStep}: for each layer with
 * parameters, network2.py's {@code nabla_w} and {@code nabla_b}, summed over the batch (not
 * averaged); for other parameter blocks, {@link #sums}.
 *
 * <p>A view: nothing is copied until asked, and values are valid until the step's next batch.
 */
public final class Gradients {

    private final TrainingStep step;

    Gradients(TrainingStep step) {
        this.step = step;
    }

    /** Returns the number of layers with parameters. */
    public int layerCount() {
        return step.network().layerCount();
    }

    /** Returns the number of examples the sums run over. */
    public int batchSize() {
        return step.batchSize();
    }

    /**
     * Returns a copy of layer {@code l}'s {@code nabla_w}, {@code n_out x n_in} (the transpose of its
     * weights block, which is stored by input).
     */
    public Matrix weights(int l) {
        int block = block(l, Parameter.WEIGHTS);
        double[][] rows = sums(l, block);
        ParameterUpdate update = step.update(l);
        Matrix m = Matrix.of(rows.length == 0 ? 0 : rows[0].length, rows.length);
        for (int k = 0; k < rows.length; k++) {
            if (update.touched(block, k)) {
                for (int j = 0; j < rows[k].length; j++) {
                    m.set(j, k, rows[k][j]);
                }
            }
        }
        return m;
    }

    /** Returns a copy of layer {@code l}'s {@code nabla_b}, {@code n_out x 1}. */
    public Matrix biases(int l) {
        double[] nb = sums(l, block(l, Parameter.BIASES))[0];
        return Matrix.wrap(nb.length, 1, nb.clone());
    }

    /** Returns the Euclidean (Frobenius) norm of layer {@code l}'s {@code nabla_w}. */
    public double weightNorm(int l) {
        int block = block(l, Parameter.WEIGHTS);
        double[][] rows = sums(l, block);
        ParameterUpdate update = step.update(l);
        double sumSquares = 0;
        for (int k = 0; k < rows.length; k++) {
            if (update.touched(block, k)) {
                for (double v : rows[k]) {
                    sumSquares += v * v;
                }
            }
        }
        return Math.sqrt(sumSquares);
    }

    /**
     * Returns the sums of parameter block {@code block} of layer {@code l}, live, shaped like the
     * block; rows the batch did not touch hold no value of this batch.
     */
    public double[][] sums(int l, int block) {
        step.ensureGradients();
        return step.update(l).gradientSums(block);
    }

    private int block(int l, String name) {
        int i = ParameterBlock.indexOf(step.network().parameterLayer(l).parameters(), name);
        if (i >= 0) {
            return i;
        }
        throw new IllegalArgumentException("layer " + l + " (" + step.network().parameterLayer(l).type().id()
                + ") has no " + name);
    }
}
