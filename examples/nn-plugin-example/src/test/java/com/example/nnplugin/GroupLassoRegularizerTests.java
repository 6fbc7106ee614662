package com.example.nnplugin;

import dev.nn.core.contract.RegularizerContract;
import dev.nn.core.spi.Regularizer;

class GroupLassoRegularizerTests extends RegularizerContract {

    @Override
    protected Regularizer create() {
        return new GroupLassoRegularizer();
    }
}
