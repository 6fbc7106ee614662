package dev.nn.core.plugins;

import dev.nn.core.contract.GradientRegularizerContract;
import dev.nn.core.spi.GradientRegularizer;

class L1RegularizerTests extends GradientRegularizerContract {

    @Override
    protected GradientRegularizer create() {
        return new L1Regularizer();
    }
}
