package dev.nn.core.plugins.layers;

import dev.nn.core.layer.Layer;
import dev.nn.core.layer.LayerSetup;
import dev.nn.core.layer.LayerType;
import dev.nn.core.layer.ParameterBlock;
import dev.nn.core.layer.Shape;
import dev.nn.core.spi.Fans;
import dev.nn.core.spi.Hyperparameter;
import dev.nn.core.spi.Matrix;
import java.util.List;
import java.util.Map;

/**
 * A convolutional layer (chapter 6), id {@code conv}, settings {@code filters} and {@code size}:
 * {@code filters} feature maps, each the valid, stride-1 cross-correlation of the input's channels
 * with a {@code size x size} kernel per channel, plus a bias, through the activation. An input of
 * {@code C x H x W} gives {@code filters x (H-size+1) x (W-size+1)}. The weights are drawn by the
 * initializer as a {@code filters x (C*size*size)} matrix (row f: filter f, channel by channel, row
 * by row), then the biases.
 */
public final class ConvType implements LayerType {

    /** The stable id. */
    public static final String ID = "conv";

    private final int filters;
    private final int size;

    /** Creates the type with 20 filters of 5x5, network3.py's first layer, as {@link java.util.ServiceLoader} does. */
    public ConvType() {
        this(20, 5);
    }

    /** Creates the type for {@code filters} feature maps of {@code size x size} kernels. */
    public ConvType(int filters, int size) {
        if (filters < 1 || size < 1) {
            throw new IllegalArgumentException("conv: filters and size must be whole numbers >= 1, got " + filters
                    + " and " + size);
        }
        this.filters = filters;
        this.size = size;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return List.of(new Hyperparameter("filters", filters, "the number of feature maps"),
                new Hyperparameter("size", size, "the kernel's width and height"));
    }

    @Override
    public ConvType withParameters(Map<String, Double> values) {
        return new ConvType(whole(values.getOrDefault("filters", (double) filters), "filters"),
                whole(values.getOrDefault("size", (double) size), "size"));
    }

    static int whole(double v, String name) {
        if (v != Math.rint(v) || v < 1 || v > 1 << 20) {
            throw new IllegalArgumentException(name + " must be a whole number >= 1, got " + v);
        }
        return (int) v;
    }

    @Override
    public boolean takesActivation() {
        return true;
    }

    @Override
    public Layer create(LayerSetup setup) {
        Shape in = setup.input();
        if (in.height() < size || in.width() < size) {
            throw new IllegalArgumentException("conv: a " + size + "x" + size + " kernel needs an input of at least "
                    + size + "x" + size + ", got " + in);
        }
        if (setup.activation() == null) {
            throw new IllegalArgumentException("conv: a convolutional layer needs an activation");
        }
        int patch = in.channels() * size * size;
        Matrix weights = Matrix.of(filters, patch);
        Matrix biases = Matrix.of(filters, 1);
        setup.initializer().initialize(weights, biases,
                new Fans(patch, (double) filters * size * size / setup.pooledBy()), setup.random());
        return new ConvLayer(this, in, setup.activation(), ParameterBlock.byInput(weights),
                java.util.Arrays.copyOf(biases.data(), filters));
    }

    int filters() {
        return filters;
    }

    int size() {
        return size;
    }
}
