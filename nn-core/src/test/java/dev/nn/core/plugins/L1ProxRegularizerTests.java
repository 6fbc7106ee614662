package dev.nn.core.plugins;

import dev.nn.core.contract.RegularizerContract;
import dev.nn.core.spi.Regularizer;

class L1ProxRegularizerTests extends RegularizerContract {

    @Override
    protected Regularizer create() {
        return new L1ProxRegularizer();
    }
}
