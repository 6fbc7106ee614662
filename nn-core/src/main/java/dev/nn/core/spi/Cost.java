package dev.nn.core.spi;


/**
 * A cost function C(a, y) of the output activations a and the desired outputs y, as network2.py's
 * {@code fn(a, y)} and {@code delta(z, a, y)}; one row per example.
 */
public interface Cost extends Plugin {

    /**
     * Returns true if the cost takes only outputs in (0, 1), as the cross-entropy (ln a and
     * ln(1 - a)) and the log-likelihood do; the app then refuses an output activation that can
     * leave that range. False by default.
     */
    default boolean needsProbabilities() {
        return false;
    }

    /**
     * Returns the sum over the rows of the per-example cost C(a, y).
     *
     * @param a output activations. Not modified.
     * @param y desired outputs (one-hot for classification). Not modified.
     */
    double value(Matrix a, Matrix y);

    /**
     * gradA = ∂C/∂a for every row.
     *
     * @param a output activations. Not modified.
     * @param y desired outputs. Not modified.
     * @param gradA the derivative. Modified.
     */
    void derivative(Matrix a, Matrix y, Matrix gradA);

    /**
     * delta = ∂C/∂z for the output layer, network2.py's {@code delta(z, a, y)}.
     *
     * <p>The default chains {@link #derivative} through {@link Activation#backward}; a cost overrides
     * it where a pairing has a simpler exact form (cross-entropy after sigmoid: {@code a - y}).
     *
     * @param output the output layer's activation. Not modified.
     * @param z the output layer's weighted inputs. Not modified.
     * @param a the output activations. Not modified.
     * @param y desired outputs. Not modified.
     * @param delta the output error. Modified.
     */
    default void delta(Activation output, Matrix z, Matrix a, Matrix y, Matrix delta) {
        derivative(a, y, delta);
        output.backward(z, a, delta, delta);
    }
}
