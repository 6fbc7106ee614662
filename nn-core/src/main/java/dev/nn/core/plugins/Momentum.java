package dev.nn.core.plugins;

import dev.nn.core.spi.Hyperparameter;
import dev.nn.core.spi.Parameter;
import dev.nn.core.spi.UpdateRule;
import java.util.List;
import java.util.Map;

/**
 * The momentum rules: {@code v = mu v - eta g}, then {@code p = p + v} (momentum) or
 * {@code p = p + mu v - eta g} (Nesterov's look-ahead form); the coefficient {@code mu} in [0, 1)
 * and one slot of state, the velocity.
 */
abstract class Momentum implements UpdateRule {

    static final String MU = "mu";

    /** The momentum coefficient. */
    final double mu;
    private final boolean nesterov;

    Momentum(String id, double mu, boolean nesterov) {
        this.nesterov = nesterov;
        if (!(mu >= 0 && mu < 1)) {
            throw new IllegalArgumentException(id + ": mu must be in [0, 1), got " + mu);
        }
        this.mu = mu;
    }

    /** Returns the same rule with coefficient {@code mu}. */
    abstract Momentum withMu(double mu);

    @Override
    public final List<Hyperparameter> hyperparameters() {
        return List.of(new Hyperparameter(MU, mu, "momentum coefficient in [0, 1): 0 is plain SGD"));
    }

    @Override
    public final Momentum withParameters(Map<String, Double> values) {
        return withMu(values.getOrDefault(MU, mu));
    }

    @Override
    public final int stateSlots() {
        return 1;
    }

    @Override
    public final void step(Parameter parameter, int from, int to, double eta) {
        for (int i = from; i < to; i++) {
            double[] p = parameter.values(i);
            double[] g = parameter.gradient(i);
            double[] v = parameter.state(0, i);
            if (nesterov) {
                for (int j = 0; j < p.length; j++) {
                    v[j] = mu * v[j] - eta * g[j];
                    p[j] += mu * v[j] - eta * g[j];
                }
            } else {
                for (int j = 0; j < p.length; j++) {
                    v[j] = mu * v[j] - eta * g[j];
                    p[j] += v[j];
                }
            }
        }
    }
}
