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
    void saturatedOutputsFollowNanToNum() {
        Matrix y = Matrix.wrap(1, 2, new double[] {1.0, 0.0});
        assertEquals(0.0, create().value(Matrix.wrap(1, 2, new double[] {1.0, 0.0}), y), 0.0);
        assertEquals(Double.MAX_VALUE, create().value(Matrix.wrap(1, 2, new double[] {0.0, 0.0}), y), 0.0);
    }
}
