package dev.nn.core.layer;

import dev.nn.core.spi.UpdateRule;
import java.util.Objects;

/**
 * What a pass's own {@link ParameterUpdate} is made from.
 *
 * @param rule the update rule of the run
 * @param maxBatch the largest mini-batch
 * @param layer the index of the layer among the network's layers with parameters, 0 for the first
 * @param steps {@code steps[0]}: the number of the update under way, counted from 1 over the run;
 *     the engine's, shared by every parameter, for {@link dev.nn.core.spi.Parameter}
 * @param rows the engine's threads
 */
public record UpdateSetup(UpdateRule rule, int maxBatch, int layer, long[] steps, RowTasks rows) {

    /** Checks the arguments. */
    public UpdateSetup {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(steps, "steps");
        Objects.requireNonNull(rows, "rows");
    }
}
