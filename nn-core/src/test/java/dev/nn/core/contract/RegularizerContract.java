package dev.nn.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.core.registry.PluginKind;
import dev.nn.core.spi.Regularizer;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Regularizer} meets: {@code decay(w, eta*s)} is one gradient step on
 * {@code penalty(w, s)}. Subclass it and implement {@link #create()}.
 */
public abstract class RegularizerContract {

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
    void decayIsAGradientStepOnThePenalty() {
        Regularizer regularizer = create();
        SplittableRandom random = new SplittableRandom(3);
        DMatrixRMaj w = new DMatrixRMaj(3, 4);
        for (int i = 0; i < w.data.length; i++) {
            w.data[i] = random.nextDouble(0.1, 1.5) * (random.nextBoolean() ? 1 : -1);
        }
        double strength = 0.05;
        double eta = 0.5;
        DMatrixRMaj stepped = w.copy();
        regularizer.decay(stepped, eta * strength);
        for (int i = 0; i < w.data.length; i++) {
            double numeric = FiniteDifference.central(w.data, i, () -> regularizer.penalty(w, strength));
            double analytic = (w.data[i] - stepped.data[i]) / eta;
            assertTrue(FiniteDifference.relativeError(numeric, analytic) < FiniteDifference.TOLERANCE,
                    "decay at " + i + " implies gradient " + analytic + ", numeric " + numeric);
        }
    }

    @Test
    void zeroStrengthChangesNothing() {
        Regularizer regularizer = create();
        DMatrixRMaj w = new DMatrixRMaj(2, 2, true, 0.5, -1.5, 2.0, -0.25);
        DMatrixRMaj stepped = w.copy();
        regularizer.decay(stepped, 0.0);
        for (int i = 0; i < w.data.length; i++) {
            assertEquals(w.data[i], stepped.data[i], 0.0);
        }
        assertEquals(0.0, regularizer.penalty(w, 0.0), 0.0);
    }
}
