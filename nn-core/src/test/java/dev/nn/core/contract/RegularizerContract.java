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
 * What every {@link Regularizer} meets, whatever its phase: a stable id that ServiceLoader finds,
 * exactly one phase, no effect at strength 0, and for an elementwise one the same bits on blocks as
 * on the whole layer. Extend {@link GradientRegularizerContract} or {@link ProximalRegularizerContract}.
 */
public abstract class RegularizerContract {

    static final int INPUTS = 5;
    static final int UNITS = 4;

    /** Returns a new instance of the regularizer under test. */
    protected abstract Regularizer create();

    @Test
    void idIsStable() {
        Contracts.idIsStable(this::create);
    }

    @Test
    void serviceLoaderFindsIt() {
        Contracts.registryFindsIt(PluginKind.REGULARIZER, create());
    }

    @Test
    void itsParametersRebuildIt() {
        Contracts.parametersRoundTrip(PluginKind.REGULARIZER, create());
    }

    @Test
    void implementsOnePhase() {
        Regularizer r = create();
        assertTrue(r instanceof GradientRegularizer ^ r instanceof ProximalRegularizer,
                r.getClass().getName() + " must implement exactly one of GradientRegularizer and ProximalRegularizer");
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

    /** Weights of sizes log-uniform in [lo, hi], of random signs. */
    static double[][] sample(SplittableRandom random, double lo, double hi) {
        double[][] w = new double[INPUTS][UNITS];
        for (double[] row : w) {
            for (int j = 0; j < UNITS; j++) {
                row[j] = Math.exp(random.nextDouble(Math.log(lo), Math.log(hi))) * (random.nextBoolean() ? 1 : -1);
            }
        }
        return w;
    }

    static double[][] copy(double[][] w) {
        double[][] c = new double[w.length][];
        for (int k = 0; k < w.length; k++) {
            c[k] = w[k].clone();
        }
        return c;
    }
}
