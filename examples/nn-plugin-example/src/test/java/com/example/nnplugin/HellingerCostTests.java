package com.example.nnplugin;

import dev.nn.core.contract.CostContract;
import dev.nn.core.spi.Cost;

class HellingerCostTests extends CostContract {

    @Override
    protected Cost create() {
        return new HellingerCost();
    }
}
