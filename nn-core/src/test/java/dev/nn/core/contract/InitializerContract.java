package dev.nn.core.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.core.registry.PluginKind;
import dev.nn.core.spi.WeightInitializer;
import java.util.Arrays;
import java.util.SplittableRandom;
import dev.nn.core.spi.Matrix;
import org.junit.jupiter.api.Test;

/** The contract every {@link WeightInitializer} meets: deterministic for a seed, finite, not constant. */
public abstract class InitializerContract {

    /** Returns a new instance of the initializer under test. */
    protected abstract WeightInitializer create();

    @Test
    void idIsStable() {
        Contracts.idIsStable(this::create);
    }

    @Test
    void serviceLoaderFindsIt() {
        Contracts.registryFindsIt(PluginKind.INITIALIZER, create());
    }

    @Test
    void itsParametersRebuildIt() {
        Contracts.parametersRoundTrip(PluginKind.INITIALIZER, create());
    }

    @Test
    void sameSeedSameParametersBitForBit() {
        Matrix[] first = draw(11);
        Matrix[] second = draw(11);
        assertArrayEquals(first[0].data(), second[0].data(), 0.0);
        assertArrayEquals(first[1].data(), second[1].data(), 0.0);
        assertFalse(Arrays.equals(first[0].data(), draw(12)[0].data()), "different seeds must give different weights");
    }

    @Test
    void parametersAreFiniteAndVaried() {
        Matrix[] p = draw(1);
        for (double v : p[0].data()) {
            assertTrue(Double.isFinite(v));
        }
        assertTrue(Arrays.stream(p[0].data()).distinct().count() > 1, "weights must not be constant");
    }

    private Matrix[] draw(long seed) {
        Matrix w = Matrix.of(5, 7);
        Matrix b = Matrix.of(5, 1);
        create().initialize(w, b, new SplittableRandom(seed));
        return new Matrix[] {w, b};
    }
}
