package dev.nn.core.plugins.layers;

import dev.nn.core.contract.LayerContract;
import dev.nn.core.layer.LayerType;

class DropoutTypeTests extends LayerContract {

    @Override
    protected LayerType create() {
        return new DropoutType(0.3);
    }
}
