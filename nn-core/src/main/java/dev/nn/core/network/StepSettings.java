package dev.nn.core.network;

import dev.nn.core.plugins.SgdRule;
import dev.nn.core.spi.UpdateRule;
import java.util.Objects;

/**
 * How a {@link TrainingStep} updates: the update rule, and the dropout of the hidden layers.
 *
 * @param updateRule applies each parameter's gradient; {@code sgd} is network2.py's
 * @param dropout the probability of dropping a hidden unit in training, in [0, 1); 0 for none
 * @param seed seeds the dropout masks (the trainer passes its run seed)
 */
public record StepSettings(UpdateRule updateRule, double dropout, long seed) {

    /** Plain SGD without dropout, network2.py's update. */
    public static final StepSettings SGD = new StepSettings(new SgdRule(), 0, 0);

    /** Checks the arguments. */
    public StepSettings {
        Objects.requireNonNull(updateRule, "updateRule");
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
    }
}
