package dev.nn.core.plugins.layers;

import dev.nn.core.layer.Layer;
import dev.nn.core.layer.LayerSetup;
import dev.nn.core.layer.LayerType;
import dev.nn.core.spi.Fans;
import dev.nn.core.spi.Hyperparameter;
import dev.nn.core.spi.Matrix;
import java.util.List;
import java.util.Map;

/**
 * The fully connected layer, network2.py's only kind: {@code a = σ(w·x + b)} on the flattened
 * input; id {@code dense}, setting {@code units}. Its parameters are drawn by the initializer as an
 * {@code n_out x n_in} weight matrix and a bias column, in that order.
 */
public final class DenseType implements LayerType {

    /** The stable id. */
    public static final String ID = "dense";

    private final int units;

    /** Creates the type with the default of 10 units, as {@link java.util.ServiceLoader} does. */
    public DenseType() {
        this(10);
    }

    /** Creates the type for layers of {@code units} units. */
    public DenseType(int units) {
        if (units < 1) {
            throw new IllegalArgumentException("dense: units must be a whole number >= 1, got " + units);
        }
        this.units = units;
    }

    @Override
    public String id() {
        return ID;
    }

    /** Returns the number of units. */
    public int units() {
        return units;
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return List.of(new Hyperparameter("units", units, "the number of units"));
    }

    @Override
    public DenseType withParameters(Map<String, Double> values) {
        double u = values.getOrDefault("units", (double) units);
        if (u != Math.rint(u) || u < 1 || u > 1 << 24) {
            throw new IllegalArgumentException("dense: units must be a whole number >= 1, got " + u);
        }
        return new DenseType((int) u);
    }

    @Override
    public boolean takesActivation() {
        return true;
    }

    @Override
    public Layer create(LayerSetup setup) {
        if (setup.activation() == null) {
            throw new IllegalArgumentException("dense: a dense layer needs an activation");
        }
        int nIn = setup.input().size();
        Matrix weights = Matrix.of(units, nIn);
        Matrix biases = Matrix.of(units, 1);
        setup.initializer().initialize(weights, biases, new Fans(nIn, (double) units / setup.pooledBy()), setup.random());
        return DenseLayer.fromMatrices(this, units, setup.input(), setup.activation(), weights, biases);
    }
}
