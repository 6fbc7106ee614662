package dev.nn.core.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nn.core.registry.PluginKind;
import dev.nn.core.spi.GradientRegularizer;
import dev.nn.core.spi.ProximalRegularizer;
import dev.nn.core.spi.Regularizer;
import dev.nn.core.spi.Weights;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Regularizer} meets. A {@link GradientRegularizer}'s
 * {@code addGradient} is the gradient of its {@code penalty} (central differences, at weights from
 * 0.001 to 1.5 in size) and its {@code decay(w, eta*s)} is {@code w - eta * addGradient}. A
 * {@link ProximalRegularizer}'s step is the proximal map of its penalty: the result minimizes
 * {@code ½|u - v|² + eta * penalty(u, lambda/n)}, checked coordinate by coordinate at weights
 * that include zeros and values on both sides of the threshold. An elementwise regularizer gives
 * the same bits on blocks as on the whole layer. Subclass it and implement {@link #create()}.
 */
public abstract class RegularizerContract {

    private static final int INPUTS = 5;
    private static final int UNITS = 4;

    /** Returns a new instance of the regularizer under test. */
    protected abstract Regularizer create();

    /**
     * Returns the term a proximal step minimizes besides {@code ½|u - v|²}; by default
     * {@code eta * penalty(u, lambda/n)}. A projection onto a constraint (max-norm) overrides it
     * with 0 inside the constraint and infinity outside.
     */
    protected double proximalTerm(Weights u, double lambda, double eta, int n) {
        return eta * create().penalty(u, lambda / n);
    }

    @Test
    void idIsStable() {
        Contracts.idIsStable(this::create);
    }

    @Test
    void serviceLoaderFindsIt() {
        Contracts.registryFindsIt(PluginKind.REGULARIZER, create());
    }

    @Test
    void implementsOnePhase() {
        Regularizer r = create();
        assertTrue(r instanceof GradientRegularizer ^ r instanceof ProximalRegularizer,
                r.getClass().getName() + " must implement exactly one of GradientRegularizer and ProximalRegularizer");
    }

    @Test
    void addGradientIsTheGradientOfThePenalty() {
        assumeTrue(create() instanceof GradientRegularizer, "not a gradient regularizer");
        GradientRegularizer r = (GradientRegularizer) create();
        double[][] w = sample(new SplittableRandom(3), 0.001, 1.5);
        double strength = 0.05;
        double[][] g = new double[INPUTS][UNITS];
        r.addGradient(Weights.of(w, UNITS), strength, Weights.of(g, UNITS));
        for (int k = 0; k < INPUTS; k++) {
            for (int j = 0; j < UNITS; j++) {
                double numeric = FiniteDifference.central(w[k], j, () -> r.penalty(Weights.of(w, UNITS), strength));
                assertTrue(FiniteDifference.relativeError(numeric, g[k][j]) < FiniteDifference.TOLERANCE,
                        "addGradient at input " + k + ", unit " + j + " gives " + g[k][j] + ", numeric " + numeric);
            }
        }
    }

    @Test
    void decayIsOneGradientStep() {
        assumeTrue(create() instanceof GradientRegularizer, "not a gradient regularizer");
        GradientRegularizer r = (GradientRegularizer) create();
        double[][] w = sample(new SplittableRandom(5), 0.001, 1.5);
        double strength = 0.05;
        double eta = 0.5;
        double[][] g = new double[INPUTS][UNITS];
        r.addGradient(Weights.of(w, UNITS), strength, Weights.of(g, UNITS));
        double[][] stepped = copy(w);
        r.decay(Weights.of(stepped, UNITS), eta * strength);
        for (int k = 0; k < INPUTS; k++) {
            for (int j = 0; j < UNITS; j++) {
                double expected = w[k][j] - eta * g[k][j];
                assertEquals(expected, stepped[k][j], 1e-12 * Math.max(1, Math.abs(expected)),
                        "decay(w, eta*s) must be w - eta * gradient at input " + k + ", unit " + j);
            }
        }
    }

    @Test
    void proximalStepMinimizesItsObjective() {
        assumeTrue(create() instanceof ProximalRegularizer, "not a proximal regularizer");
        ProximalRegularizer r = (ProximalRegularizer) create();
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

    @Test
    void blocksGiveTheSameBitsAsTheWholeLayer() {
        Regularizer r = create();
        assumeTrue(r.elementwise(), "not elementwise: always given the whole layer");
        double[][] whole = sample(new SplittableRandom(11), 0.001, 1.5);
        double[][] blocks = copy(whole);
        applyOnce(r, Weights.of(whole, UNITS));
        Weights all = Weights.of(blocks, UNITS);
        applyOnce(r, all.block(0, 2));
        applyOnce(r, all.block(2, INPUTS));
        for (int k = 0; k < INPUTS; k++) {
            assertArrayEquals(whole[k], blocks[k], 0.0, "input " + k);
        }
    }

    @Test
    void zeroStrengthChangesNothing() {
        Regularizer r = create();
        double[][] w = sample(new SplittableRandom(13), 0.001, 1.5);
        double[][] stepped = copy(w);
        if (r instanceof GradientRegularizer) {
            ((GradientRegularizer) r).decay(Weights.of(stepped, UNITS), 0.0);
        } else {
            ((ProximalRegularizer) r).apply(Weights.of(stepped, UNITS), 0.0, 0.5, 10);
        }
        for (int k = 0; k < INPUTS; k++) {
            assertArrayEquals(w[k], stepped[k], 0.0, "input " + k);
        }
        assertEquals(0.0, r.penalty(Weights.of(w, UNITS), 0.0), 0.0);
    }

    private static void applyOnce(Regularizer r, Weights w) {
        if (r instanceof GradientRegularizer) {
            ((GradientRegularizer) r).decay(w, 0.01);
        } else {
            ((ProximalRegularizer) r).apply(w, 2.0, 0.5, 10);
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

    /** Weights of sizes log-uniform in [lo, hi], of random signs. */
    private static double[][] sample(SplittableRandom random, double lo, double hi) {
        double[][] w = new double[INPUTS][UNITS];
        for (double[] row : w) {
            for (int j = 0; j < UNITS; j++) {
                row[j] = Math.exp(random.nextDouble(Math.log(lo), Math.log(hi))) * (random.nextBoolean() ? 1 : -1);
            }
        }
        return w;
    }

    private static double[][] copy(double[][] w) {
        double[][] c = new double[w.length][];
        for (int k = 0; k < w.length; k++) {
            c[k] = w[k].clone();
        }
        return c;
    }
}
