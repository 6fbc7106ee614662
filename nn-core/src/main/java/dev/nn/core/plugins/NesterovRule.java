package dev.nn.core.plugins;

import dev.nn.core.spi.Hyperparameter;
import dev.nn.core.spi.Parameter;
import dev.nn.core.spi.UpdateRule;
import java.util.List;
import java.util.Map;

/**
 * Nesterov's accelerated gradient in the form that keeps the look-ahead point as the parameters
 * (Sutskever et al. 2013): {@code v = mu v - eta g}, {@code p = p + mu v - eta g}; id
 * {@code nesterov}, parameter {@code mu} (0.9 by default).
 */
public final class NesterovRule implements UpdateRule {

    /** The stable id. */
    public static final String ID = "nesterov";

    private final double mu;

    /** Creates the rule with mu = 0.9. */
    public NesterovRule() {
        this(0.9);
    }

    private NesterovRule(double mu) {
        this.mu = Momentum.checkMu(ID, mu);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return List.of(Momentum.mu(mu));
    }

    @Override
    public NesterovRule withParameters(Map<String, Double> values) {
        return new NesterovRule(values.getOrDefault(Momentum.MU, mu));
    }

    @Override
    public int stateSlots() {
        return 1;
    }

    @Override
    public void step(Parameter parameter, int from, int to, double eta) {
        for (int i = from; i < to; i++) {
            double[] p = parameter.values(i);
            double[] g = parameter.gradient(i);
            double[] v = parameter.state(0, i);
            for (int j = 0; j < p.length; j++) {
                v[j] = mu * v[j] - eta * g[j];
                p[j] += mu * v[j] - eta * g[j];
            }
        }
    }
}
