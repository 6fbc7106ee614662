package dev.nn.core.plugins;

import dev.nn.core.contract.ProximalRegularizerContract;
import dev.nn.core.spi.ProximalRegularizer;

class L1ProxRegularizerTests extends ProximalRegularizerContract {

    @Override
    protected ProximalRegularizer create() {
        return new L1ProxRegularizer();
    }
}
