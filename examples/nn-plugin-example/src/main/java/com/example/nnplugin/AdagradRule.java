package com.example.nnplugin;

import dev.nn.core.spi.Hyperparameter;
import dev.nn.core.spi.Parameter;
import dev.nn.core.spi.UpdateRule;
import java.util.List;
import java.util.Map;

/**
 * AdaGrad (Duchi et al. 2011): G = G + g², p = p - eta g / (sqrt(G) + epsilon); one slot of state,
 * the sum of squares G. Parameter {@code epsilon}, as in {@code --optimizer adagrad:epsilon=1e-6}.
 */
public final class AdagradRule implements UpdateRule {

    private final double epsilon;

    /** Creates the rule with epsilon = 1e-8. */
    public AdagradRule() {
        this(1e-8);
    }

    private AdagradRule(double epsilon) {
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("adagrad: epsilon must be > 0, got " + epsilon);
        }
        this.epsilon = epsilon;
    }

    @Override
    public String id() {
        return "adagrad";
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return List.of(new Hyperparameter("epsilon", epsilon, "added to the root of G, > 0"));
    }

    @Override
    public AdagradRule withParameters(Map<String, Double> values) {
        return new AdagradRule(values.getOrDefault("epsilon", epsilon));
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
            double[] sumSquares = parameter.state(0, i);
            for (int j = 0; j < p.length; j++) {
                sumSquares[j] += g[j] * g[j];
                p[j] -= eta * g[j] / (Math.sqrt(sumSquares[j]) + epsilon);
            }
        }
    }
}
