package dev.nn.core.contract;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.core.spi.ProximalRegularizer;
import dev.nn.core.spi.Weights;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link ProximalRegularizer}: its step is the proximal map of its penalty, the
 * result minimizing {@code ½|u - v|² + eta * penalty(u, lambda/n)}, checked coordinate by
 * coordinate (moved to 0, back to the input, and by ±0.001 and ±1e-6) at weights from 0.001 to 1.5
 * in size and zeros, with thresholds on both sides of them; besides what every regularizer meets.
 * Subclass it and implement {@link #create()}.
 */
public abstract class ProximalRegularizerContract extends RegularizerContract {

    @Override
    protected abstract ProximalRegularizer create();

    /**
     * Returns the term a proximal step minimizes besides {@code ½|u - v|²}; by default
     * {@code eta * penalty(u, lambda/n)}. A projection onto a constraint (max-norm) overrides it
     * with 0 inside the constraint and infinity outside.
     */
    protected double proximalTerm(Weights u, double lambda, double eta, int n) {
        return eta * create().penalty(u, lambda / n);
    }

    @Test
    void proximalStepMinimizesItsObjective() {
        ProximalRegularizer r = create();
        int n = 10;
        double eta = 0.5;
        for (double lambda : new double[] {0.2, 2.0, 8.0}) {
            // threshold-sized weights: eta*lambda/n is 0.01, 0.1 and 0.4; the samples straddle them
            double[][] v = sample(new SplittableRandom(7), 0.001, 1.5);
            v[0][0] = 0.0;
            v[0][1] = -0.0;
            double[][] u = copy(v);
            r.apply(Weights.of(u, UNITS), lambda, eta, n);
            double best = objective(u, v, lambda, eta, n);
            for (int k = 0; k < INPUTS; k++) {
                for (int j = 0; j < UNITS; j++) {
                    for (double moved : new double[] {0.0, v[k][j], u[k][j] + 1e-3, u[k][j] - 1e-3, u[k][j] + 1e-6,
                            u[k][j] - 1e-6}) {
                        double saved = u[k][j];
                        u[k][j] = moved;
                        double other = objective(u, v, lambda, eta, n);
                        u[k][j] = saved;
                        assertTrue(best <= other + 1e-12 * (1 + Math.abs(other)), "lambda " + lambda + ": moving "
                                + "the result at input " + k + ", unit " + j + " from " + saved + " to " + moved
                                + " lowers the proximal objective (" + other + " < " + best + "); input was " + v[k][j]);
                    }
                }
            }
        }
    }

    private double objective(double[][] u, double[][] v, double lambda, double eta, int n) {
        double distance = 0;
        for (int k = 0; k < INPUTS; k++) {
            for (int j = 0; j < UNITS; j++) {
                distance += (u[k][j] - v[k][j]) * (u[k][j] - v[k][j]);
            }
        }
        return 0.5 * distance + proximalTerm(Weights.of(u, UNITS), lambda, eta, n);
    }
}
