package com.example.nnplugin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nn.core.contract.CostContract;
import dev.nn.core.spi.Cost;
import dev.nn.core.spi.Matrix;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HuberCostTests extends CostContract {

    @Override
    protected Cost create() {
        return new HuberCost().withParameters(Map.of("delta", 0.3));
    }

    @Test
    void quadraticWithinDeltaLinearBeyond() {
        Cost huber = create();
        Matrix a = Matrix.of(1, 2);
        Matrix y = Matrix.of(1, 2);
        a.data()[0] = 0.2;
        a.data()[1] = 0.9;
        y.data()[1] = 0.0;
        // 0.5 * 0.2^2 + 0.3 * (0.9 - 0.15)
        assertEquals(0.02 + 0.225, huber.value(a, y), 1e-15);
    }
}
