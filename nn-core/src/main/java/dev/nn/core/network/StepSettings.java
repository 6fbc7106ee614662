package dev.nn.core.network;

import dev.nn.core.plugins.SgdRule;
import dev.nn.core.spi.UpdateRule;
import java.util.Objects;

/**
 * How a {@link TrainingStep} updates: the update rule, and the seed of the dropout masks (for a
 * network with dropout layers).
 *
 * @param updateRule applies each parameter's gradient; {@code sgd} is network2.py's
 * @param seed seeds the dropout masks (the trainer derives it from its run seed)
 */
public record StepSettings(UpdateRule updateRule, long seed) {

    /** Plain SGD, network2.py's update. */
    public static final StepSettings SGD = new StepSettings(new SgdRule(), 0);

    /** Checks the arguments. */
    public StepSettings {
        Objects.requireNonNull(updateRule, "updateRule");
    }
}
