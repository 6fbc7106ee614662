package dev.nn.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.core.spi.GradientRegularizer;
import dev.nn.core.spi.Weights;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link GradientRegularizer}: {@code addGradient} is the gradient of
 * {@code penalty} (central differences, at weights from 0.001 to 1.5 in size) and
 * {@code decay(w, eta*s)} is {@code w - eta * addGradient}, besides what every regularizer meets.
 * Subclass it and implement {@link #create()}.
 */
public abstract class GradientRegularizerContract extends RegularizerContract {

    @Override
    protected abstract GradientRegularizer create();

    @Test
    void addGradientIsTheGradientOfThePenalty() {
        GradientRegularizer r = create();
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
        GradientRegularizer r = create();
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
}
