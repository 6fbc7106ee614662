package dev.nn.core.spi;

/**
 * A regularizer that adds {@code ∂P/∂w} to the gradient of the cost: L1, L2.
 *
 * <p>Its two methods say the same thing for two kinds of update rule and must agree:
 * {@code decay(w, eta*s)} is {@code w - eta * s * ∂P/∂w} for a penalty of strength {@code s},
 * written in the closed form the books use ({@code (1 - eta*lambda/n) w} for L2), which the plain
 * {@code sgd} rule applies to the weights just before the cost's gradient step; rules that keep
 * state of the whole gradient (momentum) take {@link #addGradient} instead.
 */
public interface GradientRegularizer extends Regularizer {

    /**
     * grad = grad + strength · ∂P/∂w, element by element.
     *
     * @param weights the weights. Not modified.
     * @param strength {@code lambda/n}
     * @param gradient the same shape as {@code weights}. Modified.
     */
    void addGradient(Weights weights, double strength, Weights gradient);

    /**
     * w = w - step · ∂P/∂w, one gradient step on the penalty; L2: {@code w = (1 - step) w}.
     *
     * @param weights the weights. Modified.
     * @param step {@code eta * lambda / n}
     */
    void decay(Weights weights, double step);
}
