package dev.nn.core.plugins;

import dev.nn.core.contract.CostContract;
import dev.nn.core.spi.Activation;
import dev.nn.core.spi.Cost;

class LogLikelihoodCostTests extends CostContract {

    @Override
    protected Cost create() {
        return new LogLikelihoodCost();
    }

    @Override
    protected Activation outputActivation() {
        return new Softmax();
    }
}
