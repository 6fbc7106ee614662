package dev.nn.core.network;

/**
 * Dropout after a hidden layer (chapter 3): in training each unit is dropped with probability
 * {@code p}; in evaluation the layer passes its input through.
 *
 * @param p the probability of dropping a unit, in (0, 1)
 * @param units the number of units, those of the layer below
 */
public record DropoutLayer(double p, int units) implements Layer {

    /** The type's name in model files. */
    public static final String TYPE = "dropout";

    /** Checks the arguments. */
    public DropoutLayer {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("dropout probability must be in (0, 1), got " + p);
        }
    }

    @Override
    public String type() {
        return TYPE;
    }
}
