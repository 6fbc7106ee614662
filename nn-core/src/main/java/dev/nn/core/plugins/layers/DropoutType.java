package dev.nn.core.plugins.layers;

import dev.nn.core.layer.Layer;
import dev.nn.core.layer.LayerSetup;
import dev.nn.core.layer.LayerType;
import dev.nn.core.spi.Hyperparameter;
import java.util.List;
import java.util.Map;

/**
 * Dropout, id {@code dropout}, settings {@code p} and {@code inverted}: inverted dropout (chapter 3,
 * the default, {@code inverted=1}) or, with {@code inverted=0}, network3.py's: the kept units are
 * not scaled in training and evaluation multiplies every unit by {@code 1 - p}. See {@link DropoutPass}.
 */
public final class DropoutType implements LayerType {

    /** The stable id. */
    public static final String ID = "dropout";

    private final double p;
    private final boolean inverted;

    /** Creates the type with p = 0.5, inverted, as {@link java.util.ServiceLoader} does. */
    public DropoutType() {
        this(0.5);
    }

    /** Creates the inverted dropout that drops each unit with probability {@code p}, in (0, 1). */
    public DropoutType(double p) {
        this(p, true);
    }

    /**
     * Creates the type that drops each unit with probability {@code p}, in (0, 1), inverted or as
     * network3.py does.
     */
    public DropoutType(double p, boolean inverted) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("dropout: p must be in (0, 1), got " + p);
        }
        this.p = p;
        this.inverted = inverted;
    }

    /** Returns true for inverted dropout, false for network3.py's. */
    public boolean inverted() {
        return inverted;
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
        return List.of(new Hyperparameter("p", p, "the probability of dropping a unit in training"),
                new Hyperparameter("inverted", inverted ? 1 : 0, "1: scale kept units by 1/(1-p) in training;"
                        + " 0: scale all by 1-p in evaluation (network3.py)"));
    }

    @Override
    public DropoutType withParameters(Map<String, Double> values) {
        double flag = values.getOrDefault("inverted", inverted ? 1.0 : 0.0);
        if (flag != 0 && flag != 1) {
            throw new IllegalArgumentException("dropout: inverted must be 1 or 0, got " + flag);
        }
        return new DropoutType(values.getOrDefault("p", p), flag == 1);
    }

    @Override
    public Layer create(LayerSetup setup) {
        return new DropoutLayer(this, setup.input());
    }
}
