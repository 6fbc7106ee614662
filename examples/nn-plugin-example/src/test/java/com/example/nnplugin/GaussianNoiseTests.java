package com.example.nnplugin;

import dev.nn.core.contract.LayerContract;
import dev.nn.core.layer.LayerType;
import java.util.Map;

class GaussianNoiseTests extends LayerContract {

    @Override
    protected LayerType create() {
        return new GaussianNoise().withParameters(Map.of("sigma", 0.3));
    }
}
