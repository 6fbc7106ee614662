package com.example.nnswish;

import dev.nn.core.contract.ActivationContract;
import dev.nn.core.spi.Activation;

class SwishTests extends ActivationContract {

    @Override
    protected Activation create() {
        return new Swish();
    }
}
