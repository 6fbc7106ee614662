package dev.nn.core.plugins.layers;

import dev.nn.core.layer.Layer;
import dev.nn.core.layer.LayerSetup;
import dev.nn.core.layer.LayerType;
import dev.nn.core.plugins.Softmax;
import dev.nn.core.spi.Fans;
import dev.nn.core.spi.Hyperparameter;
import dev.nn.core.spi.Matrix;
import java.util.List;
import java.util.Map;

/**
 * A softmax output layer (chapter 6), id {@code softmax}, settings {@code units} and
 * {@code zero-init}: a dense layer whose activation is always softmax; with the
 * {@code log-likelihood} cost its output error is {@code a - y}. With {@code zero-init=1}, as
 * network3.py's {@code SoftmaxLayer}, its weights and biases start at zero (the initializer then
 * draws nothing for it); with 0, the default, the initializer draws them as for a dense layer.
 */
public final class SoftmaxType implements LayerType {

    /** The stable id. */
    public static final String ID = "softmax";

    private final int units;
    private final boolean zeroInit;

    /** Creates the type with 10 units, as {@link java.util.ServiceLoader} does. */
    public SoftmaxType() {
        this(10, false);
    }

    private SoftmaxType(int units, boolean zeroInit) {
        this.units = units;
        this.zeroInit = zeroInit;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return List.of(new Hyperparameter("units", units, "the number of outputs"),
                new Hyperparameter("zero-init", zeroInit ? 1 : 0, "1: weights and biases start at zero (network3.py)"));
    }

    @Override
    public SoftmaxType withParameters(Map<String, Double> values) {
        double zero = values.getOrDefault("zero-init", zeroInit ? 1.0 : 0.0);
        if (zero != 0 && zero != 1) {
            throw new IllegalArgumentException("softmax: zero-init must be 0 or 1, got " + zero);
        }
        return new SoftmaxType(ConvType.whole(values.getOrDefault("units", (double) units), "units"), zero == 1);
    }

    @Override
    public Layer create(LayerSetup setup) {
        int nIn = setup.input().size();
        Matrix weights = Matrix.of(units, nIn);
        Matrix biases = Matrix.of(units, 1);
        if (!zeroInit) {
            setup.initializer().initialize(weights, biases, new Fans(nIn, units), setup.random());
        }
        return DenseLayer.fromMatrices(this, units, setup.input(), new Softmax(), weights, biases);
    }
}
