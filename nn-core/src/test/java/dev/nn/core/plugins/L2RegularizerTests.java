package dev.nn.core.plugins;

import dev.nn.core.contract.GradientRegularizerContract;
import dev.nn.core.spi.GradientRegularizer;

class L2RegularizerTests extends GradientRegularizerContract {

    @Override
    protected GradientRegularizer create() {
        return new L2Regularizer();
    }
}
