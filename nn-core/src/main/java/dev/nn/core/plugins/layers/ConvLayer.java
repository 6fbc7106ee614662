package dev.nn.core.plugins.layers;

import dev.nn.core.layer.Layer;
import dev.nn.core.layer.LayerPass;
import dev.nn.core.layer.ParameterBlock;
import dev.nn.core.layer.PassSetup;
import dev.nn.core.layer.Shape;
import dev.nn.core.spi.Activation;
import dev.nn.core.spi.Parameter;
import java.util.List;

/**
 * A convolutional layer with its parameters: the weights by input, {@code w[q][f]} the weight of
 * patch value q (channel c, kernel row i, column j: {@code q = (c * size + i) * size + j}) in
 * feature map f, and one bias per map.
 */
final class ConvLayer implements Layer {

    private final ConvType type;
    private final Shape input;
    private final Shape output;
    private final Activation activation;
    final double[][] w;
    final double[] b;
    private final List<ParameterBlock> parameters;

    ConvLayer(ConvType type, Shape input, Activation activation, double[][] w, double[] b) {
        this.type = type;
        this.input = input;
        this.activation = activation;
        this.w = w;
        this.b = b;
        int k = type.size();
        this.output = new Shape(type.filters(), input.height() - k + 1, input.width() - k + 1);
        this.parameters = List.of(new ParameterBlock(Parameter.WEIGHTS, w, true),
                new ParameterBlock(Parameter.BIASES, new double[][] {b}, false));
    }

    @Override
    public ConvType type() {
        return type;
    }

    @Override
    public Shape inputShape() {
        return input;
    }

    @Override
    public Shape outputShape() {
        return output;
    }

    @Override
    public Activation activation() {
        return activation;
    }

    @Override
    public List<ParameterBlock> parameters() {
        return parameters;
    }

    int kernel() {
        return type.size();
    }

    @Override
    public LayerPass newPass(PassSetup setup) {
        return new ConvPass(this, setup);
    }

    @Override
    public Layer copy() {
        return new ConvLayer(type, input, activation, parameters.get(0).copyRows(), b.clone());
    }
}
