package dev.nn.core.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.core.registry.PluginKind;
import dev.nn.core.spi.Hyperparameter;
import dev.nn.core.spi.Parameter;
import dev.nn.core.spi.UpdateRule;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link UpdateRule} meets: it descends (minimizes ½|p|² from a random start),
 * treats every row on its own (a step over ranges gives the same bits as over all rows), keeps a
 * row still under a zero gradient if it says so, and rebuilds itself from its own
 * hyperparameters. Subclass it and implement {@link #create()}.
 */
public abstract class UpdateRuleContract {

    private static final int ROWS = 6;
    private static final int COLS = 5;

    /** Returns a new instance of the update rule under test. */
    protected abstract UpdateRule create();

    @Test
    void idIsStable() {
        Contracts.idIsStable(this::create);
    }

    @Test
    void serviceLoaderFindsIt() {
        Contracts.registryFindsIt(PluginKind.UPDATE_RULE, create());
    }

    @Test
    void descendsOnAQuadratic() {
        UpdateRule rule = create();
        Parameter p = parameter(rule, new SplittableRandom(3));
        double start = halfSquaredNorm(p);
        for (int t = 0; t < 200; t++) {
            gradientOfHalfSquaredNorm(p);
            rule.step(p, 0, ROWS, 0.05);
        }
        double end = halfSquaredNorm(p);
        assertTrue(end < 0.01 * start, "200 steps with eta 0.05 on ½|p|² took it from " + start + " only to " + end);
    }

    @Test
    void rowsAreIndependent() {
        UpdateRule rule = create();
        Parameter whole = parameter(rule, new SplittableRandom(5));
        Parameter ranges = parameter(rule, new SplittableRandom(5));
        for (int t = 0; t < 3; t++) {
            gradientOfHalfSquaredNorm(whole);
            gradientOfHalfSquaredNorm(ranges);
            rule.step(whole, 0, ROWS, 0.1);
            rule.step(ranges, 3, ROWS, 0.1);
            rule.step(ranges, 0, 3, 0.1);
        }
        for (int i = 0; i < ROWS; i++) {
            assertArrayEquals(whole.values(i), ranges.values(i), 0.0, "row " + i);
        }
    }

    @Test
    void zeroGradientKeepsARowStillIfTheRuleSaysSo() {
        UpdateRule rule = create();
        if (!rule.zeroGradientIsNoOp()) {
            return;
        }
        Parameter p = parameter(rule, new SplittableRandom(7));
        gradientOfHalfSquaredNorm(p);
        rule.step(p, 0, ROWS, 0.1);
        double[][] before = new double[ROWS][];
        for (int i = 0; i < ROWS; i++) {
            before[i] = p.values(i).clone();
            java.util.Arrays.fill(p.gradient(i), 0.0);
        }
        rule.step(p, 0, ROWS, 0.1);
        for (int i = 0; i < ROWS; i++) {
            assertArrayEquals(before[i], p.values(i), 0.0, "zeroGradientIsNoOp() is true, yet row " + i + " moved");
        }
    }

    @Test
    void rebuildsFromItsHyperparameters() {
        UpdateRule rule = create();
        Map<String, Double> values = new LinkedHashMap<>();
        for (Hyperparameter h : rule.hyperparameters()) {
            assertTrue(h.name().matches("[a-z0-9]+(-[a-z0-9]+)*"), "parameter name '" + h.name() + "'");
            values.put(h.name(), h.value());
        }
        UpdateRule again = (UpdateRule) rule.withParameters(values);
        assertEquals(rule.id(), again.id());
        assertEquals(rule.hyperparameters(), again.hyperparameters());
        Contracts.parametersRoundTrip(PluginKind.UPDATE_RULE, rule);
        assertTrue(rule.stateSlots() >= 0, "stateSlots() must be >= 0");
    }

    @Test
    void aRuleThatSaysItIsPlainSgdStepsAsPlainSgd() {
        UpdateRule rule = create();
        org.junit.jupiter.api.Assumptions.assumeTrue(rule.isPlainSgd(), "only for a rule that says it is plain SGD");
        assertEquals(0, rule.stateSlots(), "plain SGD keeps no state");
        Parameter p = parameter(rule, new SplittableRandom(9));
        gradientOfHalfSquaredNorm(p);
        double[][] expected = new double[ROWS][COLS];
        for (int i = 0; i < ROWS; i++) {
            for (int j = 0; j < COLS; j++) {
                expected[i][j] = p.values(i)[j] - 0.3 * p.gradient(i)[j];
            }
        }
        rule.step(p, 0, ROWS, 0.3);
        for (int i = 0; i < ROWS; i++) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(expected[i], p.values(i), 0.0,
                    "isPlainSgd() is true, so the engine runs p = p - eta g in its place: step must be that, bit for bit");
        }
    }

    private static Parameter parameter(UpdateRule rule, SplittableRandom random) {
        double[][] values = new double[ROWS][COLS];
        for (double[] row : values) {
            for (int j = 0; j < COLS; j++) {
                row[j] = random.nextDouble(-1, 1);
            }
        }
        return new Parameter(values, new double[ROWS][COLS], new double[rule.stateSlots()][ROWS][COLS]);
    }

    private static void gradientOfHalfSquaredNorm(Parameter p) {
        for (int i = 0; i < p.rows(); i++) {
            System.arraycopy(p.values(i), 0, p.gradient(i), 0, p.cols());
        }
    }

    private static double halfSquaredNorm(Parameter p) {
        double sum = 0;
        for (int i = 0; i < p.rows(); i++) {
            for (double v : p.values(i)) {
                sum += v * v;
            }
        }
        return 0.5 * sum;
    }
}
