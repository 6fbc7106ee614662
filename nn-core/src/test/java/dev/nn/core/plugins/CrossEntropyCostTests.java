package dev.nn.core.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nn.core.contract.CostContract;
import dev.nn.core.spi.Cost;
import dev.nn.core.spi.Matrix;
import org.junit.jupiter.api.Test;

class CrossEntropyCostTests extends CostContract {

    @Override
    protected Cost create() {
        return new CrossEntropyCost();
    }

    @Test
    void saturatedOutputsCostALargeFiniteAmount() {
        Matrix y = Matrix.wrap(1, 2, new double[] {1.0, 0.0});
        assertEquals(0.0, create().value(Matrix.wrap(1, 2, new double[] {1.0, 0.0}), y), 0.0);
        double wrong = -Math.log(Double.MIN_VALUE);
        assertEquals(wrong, create().value(Matrix.wrap(1, 2, new double[] {0.0, 0.0}), y), 0.0);
        assertEquals(2 * wrong, create().value(Matrix.wrap(1, 2, new double[] {0.0, 1.0}), y), 0.0);
        // a whole data set of saturated examples stays finite
        Matrix many = Matrix.of(100000, 2);
        Matrix targets = Matrix.of(100000, 2);
        for (int s = 0; s < 100000; s++) {
            many.set(s, 1, 1.0);
            targets.set(s, 0, 1.0);
        }
        assertEquals(100000 * 2 * wrong, create().value(many, targets), 1e-6 * 100000 * 2 * wrong);
    }
}
