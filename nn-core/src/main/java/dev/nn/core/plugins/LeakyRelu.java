package dev.nn.core.plugins;

import dev.nn.core.spi.ElementwiseActivation;
import dev.nn.core.spi.Hyperparameter;
import java.util.List;
import java.util.Map;

/**
 * The leaky rectified linear unit: z for z > 0, {@code slope} z otherwise; id {@code leaky-relu},
 * parameter {@code slope} (0.01 by default), as in {@code --activation leaky-relu:slope=0.1}.
 */
public final class LeakyRelu implements ElementwiseActivation {

    /** The stable id. */
    public static final String ID = "leaky-relu";

    private final double slope;

    /** Creates the activation with slope 0.01. */
    public LeakyRelu() {
        this(0.01);
    }

    private LeakyRelu(double slope) {
        if (!(slope >= 0 && slope < 1)) {
            throw new IllegalArgumentException(ID + ": slope must be in [0, 1), got " + slope);
        }
        this.slope = slope;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return List.of(new Hyperparameter("slope", slope, "gradient for z <= 0, in [0, 1)"));
    }

    @Override
    public LeakyRelu withParameters(Map<String, Double> values) {
        return new LeakyRelu(values.getOrDefault("slope", slope));
    }

    @Override
    public double value(double z) {
        return z > 0 ? z : slope * z;
    }

    @Override
    public double derivative(double z, double a) {
        return z > 0 ? 1.0 : slope;
    }
}
