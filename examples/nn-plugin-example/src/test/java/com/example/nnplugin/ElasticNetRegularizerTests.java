package com.example.nnplugin;

import dev.nn.core.contract.RegularizerContract;
import dev.nn.core.spi.Regularizer;

class ElasticNetRegularizerTests extends RegularizerContract {

    @Override
    protected Regularizer create() {
        return new ElasticNetRegularizer();
    }
}
