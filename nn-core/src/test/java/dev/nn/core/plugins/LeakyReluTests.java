package dev.nn.core.plugins;

import dev.nn.core.contract.ActivationContract;
import dev.nn.core.spi.Activation;

class LeakyReluTests extends ActivationContract {

    @Override
    protected Activation create() {
        return new LeakyRelu();
    }
}
