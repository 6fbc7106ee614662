package dev.nn.core.spi;

import org.ejml.data.DMatrixRMaj;

/**
 * A weight penalty: its term in the reported cost, and its step in the weight update.
 *
 * <p>Both act element by element on a layer's weights, whatever their layout. The strength is
 * {@code lambda/n} ({@code n} the training-set size, as network2.py). The contract ties the two
 * methods: {@code decay(w, eta*s)} is one gradient step on {@code penalty(w, s)}, that is
 * {@code w - eta * ∂penalty/∂w}, written in the closed form the books use.
 */
public interface Regularizer extends Plugin {

    /**
     * Returns the penalty term for one layer; L2: {@code strength/2 * Σ w²}.
     *
     * @param weights a layer's weights. Not modified.
     * @param strength {@code lambda/n}
     */
    double penalty(DMatrixRMaj weights, double strength);

    /**
     * Applies the regularization part of the update; L2: {@code w = (1 - step) * w}.
     *
     * @param weights a layer's weights. Modified.
     * @param step {@code eta * lambda / n}
     */
    void decay(DMatrixRMaj weights, double step);
}
