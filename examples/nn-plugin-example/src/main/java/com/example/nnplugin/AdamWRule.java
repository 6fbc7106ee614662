package com.example.nnplugin;

import dev.nn.core.spi.Hyperparameter;
import dev.nn.core.spi.Parameter;
import dev.nn.core.spi.UpdateRule;
import java.util.List;
import java.util.Map;

/**
 * AdamW (Loshchilov and Hutter 2019): Adam's step with weight decay applied to the weights
 * directly, not to the biases. With t the update's number ({@link Parameter#step()}):
 * m = b1 m + (1 - b1) g, v = b2 v + (1 - b2) g^2, p = p - eta (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + epsilon)
 * - eta decay p (weights only). Two slots of state, m and v. Parameters {@code beta1},
 * {@code beta2}, {@code epsilon} and {@code decay}, as in {@code --optimizer adamw:decay=0.01}.
 */
public final class AdamWRule implements UpdateRule {

    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double decay;

    /** Creates the rule with Adam's defaults (0.9, 0.999, 1e-8) and decay 0.01. */
    public AdamWRule() {
        this(0.9, 0.999, 1e-8, 0.01);
    }

    private AdamWRule(double beta1, double beta2, double epsilon, double decay) {
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("adamw: beta1 and beta2 must be in [0, 1), got " + beta1 + " and "
                    + beta2);
        }
        if (!(epsilon > 0) || !(decay >= 0)) {
            throw new IllegalArgumentException("adamw: epsilon must be > 0 and decay >= 0, got " + epsilon + " and "
                    + decay);
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.decay = decay;
    }

    @Override
    public String id() {
        return "adamw";
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return List.of(new Hyperparameter("beta1", beta1, "decay of the mean gradient, in [0, 1)"),
                new Hyperparameter("beta2", beta2, "decay of the mean squared gradient, in [0, 1)"),
                new Hyperparameter("epsilon", epsilon, "added to the root, > 0"),
                new Hyperparameter("decay", decay, "weight decay per unit of eta, on the weights only, >= 0"));
    }

    @Override
    public AdamWRule withParameters(Map<String, Double> values) {
        return new AdamWRule(values.getOrDefault("beta1", beta1), values.getOrDefault("beta2", beta2),
                values.getOrDefault("epsilon", epsilon), values.getOrDefault("decay", decay));
    }

    @Override
    public int stateSlots() {
        return 2;
    }

    @Override
    public void step(Parameter parameter, int from, int to, double eta) {
        long t = parameter.step();
        double correction1 = 1 - Math.pow(beta1, t);
        double correction2 = 1 - Math.pow(beta2, t);
        double shrink = parameter.name().equals(Parameter.WEIGHTS) ? 1 - eta * decay : 1;
        for (int i = from; i < to; i++) {
            double[] p = parameter.values(i);
            double[] g = parameter.gradient(i);
            double[] m = parameter.state(0, i);
            double[] v = parameter.state(1, i);
            for (int j = 0; j < p.length; j++) {
                m[j] = beta1 * m[j] + (1 - beta1) * g[j];
                v[j] = beta2 * v[j] + (1 - beta2) * g[j] * g[j];
                p[j] = shrink * p[j] - eta * (m[j] / correction1) / (Math.sqrt(v[j] / correction2) + epsilon);
            }
        }
    }
}
