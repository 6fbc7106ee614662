package dev.nn.core.plugins.layers;

import dev.nn.core.layer.Layer;
import dev.nn.core.layer.LayerPass;
import dev.nn.core.layer.LayerType;
import dev.nn.core.layer.ParameterBlock;
import dev.nn.core.layer.PassSetup;
import dev.nn.core.layer.Shape;
import dev.nn.core.spi.Activation;
import dev.nn.core.spi.Matrix;
import dev.nn.core.spi.Parameter;
import java.util.List;
import java.util.Objects;

/**
 * A fully connected layer with its parameters: the weights by input ({@code w[k][j]}, from input k
 * to unit j: rows of the transpose, so the kernels run over units) and the biases.
 */
final class DenseLayer implements Layer {

    private final LayerType type;
    private final Shape input;
    private final Activation activation;
    final double[][] w;
    final double[] b;
    private final List<ParameterBlock> parameters;

    /** Takes ownership of {@code w} and {@code b}. */
    DenseLayer(LayerType type, Shape input, Activation activation, double[][] w, double[] b) {
        this.type = type;
        this.input = input;
        this.activation = Objects.requireNonNull(activation, "activation");
        this.w = w;
        this.b = b;
        this.parameters = List.of(new ParameterBlock(Parameter.WEIGHTS, w, true),
                new ParameterBlock(Parameter.BIASES, new double[][] {b}, false));
    }

    /** Converts network2.py-layout matrices ({@code n_out x n_in}, {@code n_out x 1}) to the layer's rows. */
    static DenseLayer fromMatrices(LayerType type, int units, Shape input, Activation activation, Matrix weights,
            Matrix biases) {
        return new DenseLayer(type, input, activation, ParameterBlock.byInput(weights),
                java.util.Arrays.copyOf(biases.data(), units));
    }

    @Override
    public LayerType type() {
        return type;
    }

    @Override
    public Shape inputShape() {
        return input;
    }

    @Override
    public Shape outputShape() {
        return Shape.vector(b.length);
    }

    @Override
    public Activation activation() {
        return activation;
    }

    @Override
    public List<ParameterBlock> parameters() {
        return parameters;
    }

    @Override
    public LayerPass newPass(PassSetup setup) {
        return new DensePass(this, setup);
    }

    @Override
    public Layer copy() {
        return new DenseLayer(type, input, activation, parameters.get(0).copyRows(), b.clone());
    }
}
