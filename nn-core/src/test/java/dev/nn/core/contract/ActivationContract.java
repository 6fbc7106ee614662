package dev.nn.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.core.registry.PluginKind;
import dev.nn.core.spi.Activation;
import dev.nn.core.spi.ElementwiseActivation;
import java.util.SplittableRandom;
import dev.nn.core.spi.Matrix;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Activation} meets. Subclass it in your plugin's tests and implement
 * {@link #create()}; override {@link #sampleInput} if your function is defined on a narrower range.
 */
public abstract class ActivationContract {

    /** Returns a new instance of the activation under test. */
    protected abstract Activation create();

    /** Returns a weighted input at which to check the derivative; default uniform in [-3, 3). */
    protected double sampleInput(SplittableRandom random) {
        return random.nextDouble(-3, 3);
    }

    @Test
    void idIsStable() {
        Contracts.idIsStable(this::create);
    }

    @Test
    void serviceLoaderFindsIt() {
        Contracts.registryFindsIt(PluginKind.ACTIVATION, create());
    }

    @Test
    void itsParametersRebuildIt() {
        Contracts.parametersRoundTrip(PluginKind.ACTIVATION, create());
    }

    @Test
    void applyKeepsShapeAndIsFinite() {
        Matrix z = sample(new SplittableRandom(1), 4, 5);
        Matrix a = Matrix.of(4, 5);
        create().apply(z, a);
        for (double v : a.data()) {
            assertTrue(Double.isFinite(v), "activation of a finite input must be finite");
        }
    }

    @Test
    void batchOperationsGiveTheBitsOfTheElementwiseOnes() {
        if (!(create() instanceof ElementwiseActivation activation)) {
            return;
        }
        SplittableRandom random = new SplittableRandom(7);
        Matrix z = sample(random, 6, 7);
        Matrix a = Matrix.of(6, 7);
        activation.apply(z, a);
        Matrix upstream = sample(random, 6, 7);
        Matrix gradZ = Matrix.of(6, 7);
        activation.backward(z, a, upstream, gradZ);
        for (int i = 0; i < z.size(); i++) {
            double zi = z.data()[i];
            assertEquals(activation.value(zi), a.data()[i], 0.0, "apply must give value(z) for z = " + zi);
            assertEquals(upstream.data()[i] * activation.derivative(zi, a.data()[i]), gradZ.data()[i], 0.0,
                    "backward must give upstream * derivative(z, a) for z = " + zi);
        }
    }

    @Test
    void backwardMatchesCentralDifference() {
        Activation activation = create();
        SplittableRandom random = new SplittableRandom(42);
        Matrix z = sample(random, 3, 4);
        Matrix upstream = Matrix.of(3, 4);
        for (int i = 0; i < upstream.data().length; i++) {
            upstream.data()[i] = random.nextDouble(-1, 1);
        }
        Matrix a = Matrix.of(3, 4);
        activation.apply(z, a);
        Matrix gradZ = Matrix.of(3, 4);
        activation.backward(z, a, upstream, gradZ);
        Matrix scratch = Matrix.of(3, 4);
        for (int i = 0; i < z.data().length; i++) {
            double numeric = FiniteDifference.central(z.data(), i, () -> {
                activation.apply(z, scratch);
                double dot = 0;
                for (int k = 0; k < scratch.data().length; k++) {
                    dot += upstream.data()[k] * scratch.data()[k];
                }
                return dot;
            });
            assertTrue(FiniteDifference.relativeError(numeric, gradZ.data()[i]) < FiniteDifference.TOLERANCE,
                    "backward at element " + i + ": analytic " + gradZ.data()[i] + ", numeric " + numeric);
        }
    }

    @Test
    void backwardMayWorkInPlace() {
        Activation activation = create();
        Matrix z = sample(new SplittableRandom(7), 2, 3);
        Matrix a = Matrix.of(2, 3);
        activation.apply(z, a);
        Matrix upstream = Matrix.wrap(2, 3, new double[] {0.3, -0.2, 0.5, 1.0, -1.0, 0.25});
        Matrix separate = Matrix.of(2, 3);
        activation.backward(z, a, upstream, separate);
        Matrix inPlace = upstream.copy();
        activation.backward(z, a, inPlace, inPlace);
        for (int i = 0; i < separate.data().length; i++) {
            assertEquals(separate.data()[i], inPlace.data()[i], 0.0, "in-place backward differs at " + i);
        }
    }

    private Matrix sample(SplittableRandom random, int rows, int cols) {
        Matrix z = Matrix.of(rows, cols);
        for (int i = 0; i < z.data().length; i++) {
            z.data()[i] = sampleInput(random);
        }
        return z;
    }
}
