package dev.nn.core.plugins.layers;

import dev.nn.core.contract.LayerContract;
import dev.nn.core.layer.LayerType;
import dev.nn.core.layer.Shape;

class SoftmaxTypeTests extends LayerContract {

    @Override
    protected LayerType create() {
        return new SoftmaxType().withParameters(java.util.Map.of("units", 4.0));
    }

    @Override
    protected Shape input() {
        return Shape.vector(6);
    }
}
