package dev.nn.core.plugins.layers;

import dev.nn.core.layer.Layer;
import dev.nn.core.layer.LayerSetup;
import dev.nn.core.layer.LayerType;
import dev.nn.core.spi.Hyperparameter;
import java.util.List;
import java.util.Map;

/** Inverted dropout (chapter 3), id {@code dropout}, setting {@code p}: see {@link DropoutPass}. */
public final class DropoutType implements LayerType {

    /** The stable id. */
    public static final String ID = "dropout";

    private final double p;

    /** Creates the type with p = 0.5, as {@link java.util.ServiceLoader} does. */
    public DropoutType() {
        this(0.5);
    }

    /** Creates the type that drops each unit with probability {@code p}, in (0, 1). */
    public DropoutType(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("dropout: p must be in (0, 1), got " + p);
        }
        this.p = p;
    }

    @Override
    public String id() {
        return ID;
    }

    /** Returns the probability of dropping a unit. */
    public double p() {
        return p;
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return List.of(new Hyperparameter("p", p, "the probability of dropping a unit in training"));
    }

    @Override
    public DropoutType withParameters(Map<String, Double> values) {
        return new DropoutType(values.getOrDefault("p", p));
    }

    @Override
    public Layer create(LayerSetup setup) {
        return new DropoutLayer(this, setup.input());
    }
}
