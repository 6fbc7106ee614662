package com.example.nnplugin;

import dev.nn.core.contract.ProximalRegularizerContract;
import dev.nn.core.spi.ProximalRegularizer;

class GroupLassoRegularizerTests extends ProximalRegularizerContract {

    @Override
    protected ProximalRegularizer create() {
        return new GroupLassoRegularizer();
    }
}
