package dev.nn.core.plugins.layers;

import dev.nn.core.layer.Layer;
import dev.nn.core.layer.LayerPass;
import dev.nn.core.layer.LayerSetup;
import dev.nn.core.layer.LayerType;
import dev.nn.core.layer.PassSetup;
import dev.nn.core.layer.Shape;
import dev.nn.core.spi.Hyperparameter;
import java.util.List;
import java.util.Map;

/**
 * Max-pooling (chapter 6), id {@code pool}, setting {@code size}: each channel's map is cut into
 * non-overlapping {@code size x size} windows, each giving its largest value; a border that does not
 * fill a window is left out, as network3.py's {@code ignore_border=True}. No parameters.
 */
public final class PoolType implements LayerType {

    /** The stable id. */
    public static final String ID = "pool";

    private final int size;

    /** Creates the type with 2x2 windows, as {@link java.util.ServiceLoader} does. */
    public PoolType() {
        this(2);
    }

    /** Creates the type with {@code size x size} windows. */
    public PoolType(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("pool: size must be a whole number >= 1, got " + size);
        }
        this.size = size;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return List.of(new Hyperparameter("size", size, "the width and height of the windows"));
    }

    @Override
    public PoolType withParameters(Map<String, Double> values) {
        return new PoolType(ConvType.whole(values.getOrDefault("size", (double) size), "size"));
    }

    /** A window of {@code size x size} outputs of the layer before. */
    @Override
    public int poolingArea() {
        return size * size;
    }

    @Override
    public Layer create(LayerSetup setup) {
        Shape in = setup.input();
        if (in.height() < size || in.width() < size) {
            throw new IllegalArgumentException("pool: " + size + "x" + size + " windows need an input of at least "
                    + size + "x" + size + ", got " + in);
        }
        return new PoolLayer(this, in, new Shape(in.channels(), in.height() / size, in.width() / size));
    }

    /** The layer: no parameters. */
    record PoolLayer(PoolType type, Shape inputShape, Shape outputShape) implements Layer {

        @Override
        public LayerPass newPass(PassSetup setup) {
            return new PoolPass(inputShape, outputShape, type.size, setup);
        }

        @Override
        public Layer copy() {
            return this;
        }
    }
}
