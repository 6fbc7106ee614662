package dev.nn.core.network;

import dev.nn.core.spi.Activation;
import java.util.Objects;

/**
 * A fully connected layer, network2.py's only kind: {@code a = σ(w·x + b)}.
 *
 * @param units the number of units
 * @param activation σ
 */
public record DenseLayer(int units, Activation activation) implements Layer {

    /** The type's name in model files. */
    public static final String TYPE = "dense";

    /** Checks the arguments. */
    public DenseLayer {
        if (units < 1) {
            throw new IllegalArgumentException("a dense layer needs at least 1 unit, got " + units);
        }
        Objects.requireNonNull(activation, "activation");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
