package com.example.nnplugin;

import dev.nn.core.contract.ActivationContract;
import dev.nn.core.spi.Activation;

class SoftplusTests extends ActivationContract {

    @Override
    protected Activation create() {
        return new Softplus();
    }
}
