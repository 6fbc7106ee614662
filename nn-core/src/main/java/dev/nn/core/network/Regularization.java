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

    /**
     * Returns the penalties of a run as nn trains them, in the order their terms are added (which the
     * bits depend on): network2.py's L2, then its L1, then the others in their order; a lambda of 0
     * of L2 or L1 is no penalty. One place for {@code nn train}'s runs and the {@code Sgd} facade.
     *
     * @param regularizers the regularizer of a plugin id ({@code registry::regularizer})
     */
    public static java.util.List<Regularization> of(java.util.function.Function<String, Regularizer> regularizers,
            double l1, double l2, java.util.Map<String, Double> others) {
        java.util.List<Regularization> all = new java.util.ArrayList<>();
        if (l2 != 0) {
            all.add(new Regularization(regularizers.apply("l2"), l2));
        }
        if (l1 != 0) {
            all.add(new Regularization(regularizers.apply("l1"), l1));
        }
        others.forEach((id, lambda) -> all.add(new Regularization(regularizers.apply(id), lambda)));
        return all;
    }
}
