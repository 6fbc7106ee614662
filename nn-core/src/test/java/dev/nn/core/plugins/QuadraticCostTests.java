package dev.nn.core.plugins;

import dev.nn.core.contract.CostContract;
import dev.nn.core.spi.Cost;

class QuadraticCostTests extends CostContract {

    @Override
    protected Cost create() {
        return new QuadraticCost();
    }
}
