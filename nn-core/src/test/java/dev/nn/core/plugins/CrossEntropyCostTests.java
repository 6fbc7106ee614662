package dev.nn.core.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nn.core.contract.CostContract;
import dev.nn.core.spi.Cost;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class CrossEntropyCostTests extends CostContract {

    @Override
    protected Cost create() {
        return new CrossEntropyCost();
    }

    @Test
    void saturatedOutputsFollowNanToNum() {
        DMatrixRMaj y = new DMatrixRMaj(1, 2, true, 1.0, 0.0);
        assertEquals(0.0, create().value(new DMatrixRMaj(1, 2, true, 1.0, 0.0), y), 0.0);
        assertEquals(Double.MAX_VALUE, create().value(new DMatrixRMaj(1, 2, true, 0.0, 0.0), y), 0.0);
    }
}
