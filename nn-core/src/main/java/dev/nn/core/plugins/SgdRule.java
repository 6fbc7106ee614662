package dev.nn.core.plugins;

import dev.nn.core.spi.Parameter;
import dev.nn.core.spi.UpdateRule;

/**
 * Plain stochastic gradient descent, {@code p = p - eta g}; id {@code sgd}, the default.
 *
 * <p>The engine runs this rule fused with the gradient sums, as network2.py's
 * {@code update_mini_batch}: {@code w = R(w) - (eta/m) nabla_w}, where R is each gradient
 * regularizer's {@code decay}. {@link #step} is the same update for one row of a mean gradient.
 */
public final class SgdRule implements UpdateRule {

    /** The stable id. */
    public static final String ID = "sgd";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int stateSlots() {
        return 0;
    }

    @Override
    public void step(Parameter parameter, int from, int to, double eta) {
        for (int i = from; i < to; i++) {
            double[] p = parameter.values(i);
            double[] g = parameter.gradient(i);
            for (int j = 0; j < p.length; j++) {
                p[j] -= eta * g[j];
            }
        }
    }

    @Override
    public boolean zeroGradientIsNoOp() {
        return true;
    }

    @Override
    public boolean isPlainSgd() {
        return true;
    }
}
