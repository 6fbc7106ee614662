package dev.nn.core.spi;

/**
 * A weight penalty P(w), summed over a layer's weights; biases are not regularized.
 *
 * <p>A regularizer acts in one of two phases of an update, chosen by the interface it implements:
 * a {@link GradientRegularizer} adds its gradient to the cost's gradient (l1, l2); a
 * {@link ProximalRegularizer} maps the weights after the gradient step (l1-prox, max-norm). Every
 * regularizer is declared for {@link java.util.ServiceLoader} under this interface. The strength
 * is {@code lambda/n} ({@code n} the training-set size, as network2.py).
 */
public interface Regularizer extends Plugin {

    /**
     * Returns the penalty term of the cost for these weights; L2: {@code strength/2 * Σ w²}.
     *
     * @param weights a whole layer. Not modified.
     * @param strength {@code lambda/n}
     */
    double penalty(Weights weights, double strength);

    /**
     * Returns true if the regularizer acts on every weight on its own, so that the engine may hand
     * it blocks of a layer (on several threads); false means it is always given the whole layer.
     */
    default boolean elementwise() {
        return true;
    }
}
