package dev.nn.core.network;

import dev.nn.core.spi.Regularizer;
import java.util.Objects;

/**
 * A regularizer with its strength lambda, as used in training and in the reported cost.
 *
 * @param regularizer the penalty
 * @param lambda its strength, at least 0 and finite
 */
public record Regularization(Regularizer regularizer, double lambda) {

    /** Checks the arguments. */
    public Regularization {
        Objects.requireNonNull(regularizer, "regularizer");
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda for " + regularizer.id() + " must be a finite number >= 0, got "
                    + lambda);
        }
    }
}
