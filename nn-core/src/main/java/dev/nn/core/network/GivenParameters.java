package dev.nn.core.network;

import dev.nn.core.spi.Matrix;
import dev.nn.core.spi.WeightInitializer;
import java.util.SplittableRandom;

/**
 * An initializer that sets the parameters it was given, as a loaded model or a checkpoint does;
 * {@link #NONE} for a layer that has none.
 */
final class GivenParameters implements WeightInitializer {

    /** For layers without parameters: asked to initialize any, it fails. */
    static final GivenParameters NONE = new GivenParameters(null, null);

    private final Matrix weights;
    private final Matrix biases;

    GivenParameters(Matrix weights, Matrix biases) {
        this.weights = weights;
        this.biases = biases;
    }

    @Override
    public String id() {
        return "given";
    }

    @Override
    public void initialize(Matrix w, Matrix b, SplittableRandom random) {
        if (weights == null) {
            throw new IllegalStateException("no parameters were given for this layer");
        }
        if (w.rows() != weights.rows() || w.cols() != weights.cols() || b.size() != biases.size()) {
            throw new IllegalArgumentException("the layer has " + w.rows() + "x" + w.cols() + " weights and " + b.size()
                    + " biases; given " + weights.rows() + "x" + weights.cols() + " and " + biases.size());
        }
        w.setTo(weights);
        System.arraycopy(biases.data(), 0, b.data(), 0, b.size());
    }
}
