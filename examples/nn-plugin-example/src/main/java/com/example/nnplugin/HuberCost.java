package com.example.nnplugin;

import dev.nn.core.spi.Cost;
import dev.nn.core.spi.Hyperparameter;
import dev.nn.core.spi.Matrix;
import java.util.List;
import java.util.Map;

/**
 * The Huber cost C = Σ_j h(a_j − y_j), with h(r) = r²/2 for |r| ≤ delta and delta (|r| − delta/2)
 * beyond: quadratic near the target, linear far from it. One parameter, {@code delta} (default 1),
 * as in {@code --cost huber:delta=0.2}; the model file keeps it.
 */
public final class HuberCost implements Cost {

    private final double delta;

    /** Creates the cost with delta 1. */
    public HuberCost() {
        this(1.0);
    }

    private HuberCost(double delta) {
        if (!(delta > 0) || Double.isInfinite(delta)) {
            throw new IllegalArgumentException("huber: delta must be > 0 and finite, got " + delta);
        }
        this.delta = delta;
    }

    @Override
    public String id() {
        return "huber";
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return List.of(new Hyperparameter("delta", delta, "where the cost turns from quadratic to linear, > 0"));
    }

    @Override
    public HuberCost withParameters(Map<String, Double> values) {
        return new HuberCost(values.getOrDefault("delta", delta));
    }

    @Override
    public double value(Matrix a, Matrix y) {
        double total = 0;
        for (int i = 0; i < a.size(); i++) {
            double r = Math.abs(a.data()[i] - y.data()[i]);
            total += r <= delta ? 0.5 * r * r : delta * (r - 0.5 * delta);
        }
        return total;
    }

    @Override
    public void derivative(Matrix a, Matrix y, Matrix gradA) {
        for (int i = 0; i < a.size(); i++) {
            double r = a.data()[i] - y.data()[i];
            gradA.data()[i] = Math.max(-delta, Math.min(delta, r));
        }
    }
}
