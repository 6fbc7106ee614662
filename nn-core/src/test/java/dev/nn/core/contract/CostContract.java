package dev.nn.core.contract;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.core.registry.PluginKind;
import dev.nn.core.spi.Activation;
import dev.nn.core.spi.Cost;
import java.util.SplittableRandom;
import dev.nn.core.spi.Matrix;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Cost} meets. Subclass it and implement {@link #create()}; override
 * {@link #outputActivation()} if the cost is meant for an output layer other than sigmoid.
 */
public abstract class CostContract {

    /** Returns a new instance of the cost under test. */
    protected abstract Cost create();

    /**
     * Returns the output activation the cost is checked with; default the built-in sigmoid, found
     * through the registry (its class is nn-core's own, which a modular plugin's tests cannot reach).
     */
    protected Activation outputActivation() {
        return dev.nn.core.registry.PluginRegistry.load(Activation.class.getClassLoader()).activation("sigmoid");
    }

    @Test
    void idIsStable() {
        Contracts.idIsStable(this::create);
    }

    @Test
    void serviceLoaderFindsIt() {
        Contracts.registryFindsIt(PluginKind.COST, create());
    }

    @Test
    void itsParametersRebuildIt() {
        Contracts.parametersRoundTrip(PluginKind.COST, create());
    }

    @Test
    void derivativeMatchesCentralDifference() {
        Cost cost = create();
        SplittableRandom random = new SplittableRandom(5);
        Matrix a = Matrix.of(3, 4);
        for (int i = 0; i < a.data().length; i++) {
            a.data()[i] = random.nextDouble(0.05, 0.95);
        }
        Matrix y = oneHot(3, 4);
        Matrix grad = Matrix.of(3, 4);
        cost.derivative(a, y, grad);
        for (int i = 0; i < a.data().length; i++) {
            double numeric = FiniteDifference.central(a.data(), i, () -> cost.value(a, y));
            assertTrue(FiniteDifference.relativeError(numeric, grad.data()[i]) < FiniteDifference.TOLERANCE,
                    "derivative at " + i + ": analytic " + grad.data()[i] + ", numeric " + numeric);
        }
    }

    @Test
    void deltaMatchesCentralDifferenceThroughTheOutputLayer() {
        Cost cost = create();
        Activation output = outputActivation();
        SplittableRandom random = new SplittableRandom(9);
        Matrix z = Matrix.of(3, 4);
        for (int i = 0; i < z.data().length; i++) {
            z.data()[i] = random.nextDouble(-2, 2);
        }
        Matrix y = oneHot(3, 4);
        Matrix a = Matrix.of(3, 4);
        output.apply(z, a);
        Matrix delta = Matrix.of(3, 4);
        cost.delta(output, z, a, y, delta);
        Matrix scratch = Matrix.of(3, 4);
        for (int i = 0; i < z.data().length; i++) {
            double numeric = FiniteDifference.central(z.data(), i, () -> {
                output.apply(z, scratch);
                return cost.value(scratch, y);
            });
            assertTrue(FiniteDifference.relativeError(numeric, delta.data()[i]) < FiniteDifference.TOLERANCE,
                    "delta at " + i + ": analytic " + delta.data()[i] + ", numeric " + numeric);
        }
    }

    @Test
    void perfectOutputsCostNoMoreThanWrongOnes() {
        Cost cost = create();
        Matrix y = oneHot(2, 3);
        Matrix near = y.copy();
        Matrix far = y.copy();
        for (int i = 0; i < y.data().length; i++) {
            near.data()[i] = y.data()[i] == 1 ? 0.9 : 0.05;
            far.data()[i] = y.data()[i] == 1 ? 0.05 : 0.9;
        }
        assertTrue(cost.value(near, y) < cost.value(far, y), "outputs near the target must cost less");
    }

    private static Matrix oneHot(int rows, int cols) {
        Matrix y = Matrix.of(rows, cols);
        for (int r = 0; r < rows; r++) {
            y.set(r, (r * 2 + 1) % cols, 1.0);
        }
        return y;
    }
}
