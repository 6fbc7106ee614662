package com.example.nnswish;

import dev.nn.core.contract.CostContract;
import dev.nn.core.spi.Cost;

/** The cost contract on the module path, with its default output activation, the built-in sigmoid. */
class LogCoshCostTests extends CostContract {

    @Override
    protected Cost create() {
        return new LogCoshCost();
    }
}
