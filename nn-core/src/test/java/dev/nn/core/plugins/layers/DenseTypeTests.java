package dev.nn.core.plugins.layers;

import dev.nn.core.contract.LayerContract;
import dev.nn.core.layer.LayerType;

class DenseTypeTests extends LayerContract {

    @Override
    protected LayerType create() {
        return new DenseType(4);
    }
}
