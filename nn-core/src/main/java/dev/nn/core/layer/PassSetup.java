package dev.nn.core.layer;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * What a {@link Layer} makes a pass from.
 *
 * @param maxBatch the largest mini-batch the pass takes; size buffers for it, once
 * @param training true for a pass that trains (keeps what backprop needs, drops units, adds noise),
 *     false for one that evaluates
 * @param random in training, the step's generator, which every layer that draws (dropout masks,
 *     noise) draws from, in the network's order, on the training thread; null in evaluation
 * @param rows the engine's threads, for the rows of a batch
 */
public record PassSetup(int maxBatch, boolean training, SplittableRandom random, RowTasks rows) {

    /** Checks the arguments. */
    public PassSetup {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be >= 1, got " + maxBatch);
        }
        Objects.requireNonNull(rows, "rows");
        if (training != (random != null)) {
            throw new IllegalArgumentException("a pass that trains takes a generator; one that evaluates does not");
        }
    }
}
