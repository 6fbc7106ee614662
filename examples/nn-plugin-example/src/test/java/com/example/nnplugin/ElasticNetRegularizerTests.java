package com.example.nnplugin;

import dev.nn.core.contract.GradientRegularizerContract;
import dev.nn.core.spi.GradientRegularizer;

class ElasticNetRegularizerTests extends GradientRegularizerContract {

    @Override
    protected GradientRegularizer create() {
        return new ElasticNetRegularizer();
    }
}
