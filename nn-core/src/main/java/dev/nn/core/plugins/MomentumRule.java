package dev.nn.core.plugins;

import dev.nn.core.spi.Hyperparameter;
import dev.nn.core.spi.Parameter;
import dev.nn.core.spi.UpdateRule;
import java.util.List;
import java.util.Map;

/**
 * Momentum-based gradient descent, chapter 3: {@code v = mu v - eta g}, {@code p = p + v};
 * id {@code momentum}, parameter {@code mu} (the "friction" coefficient, 0.9 by default).
 */
public final class MomentumRule implements UpdateRule {

    /** The stable id. */
    public static final String ID = "momentum";

    private final double mu;

    /** Creates the rule with mu = 0.9. */
    public MomentumRule() {
        this(0.9);
    }

    private MomentumRule(double mu) {
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
    public MomentumRule withParameters(Map<String, Double> values) {
        return new MomentumRule(values.getOrDefault(Momentum.MU, mu));
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
                p[j] += v[j];
            }
        }
    }
}
