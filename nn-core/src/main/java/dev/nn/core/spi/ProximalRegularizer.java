package dev.nn.core.spi;

/**
 * A regularizer applied as a map of the weights after the gradient step of every update: the
 * proximal step of its penalty, such as the soft threshold of {@code l1-prox}, or a projection onto
 * a constraint, such as {@code max-norm}.
 */
public interface ProximalRegularizer extends Regularizer {

    /**
     * Maps the weights after the gradient step.
     *
     * @param weights the weights. Modified.
     * @param lambda the strength the user gave (a constraint's bound, for a projection)
     * @param eta the learning rate of this step
     * @param n the size of the training set; a penalty of strength {@code lambda/n} takes the
     *     proximal step of size {@code eta*lambda/n}
     */
    void apply(Weights weights, double lambda, double eta, int n);
}
