package dev.nn.core.plugins.layers;

import dev.nn.core.contract.LayerContract;
import dev.nn.core.layer.LayerType;
import dev.nn.core.layer.Shape;

class PoolTypeTests extends LayerContract {

    @Override
    protected LayerType create() {
        return new PoolType(2);
    }

    @Override
    protected Shape input() {
        return new Shape(2, 4, 6);
    }
}
