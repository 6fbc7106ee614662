package dev.nn.core.plugins.layers;

import dev.nn.core.contract.LayerContract;
import dev.nn.core.layer.LayerType;
import dev.nn.core.layer.Shape;

class ConvTypeTests extends LayerContract {

    @Override
    protected LayerType create() {
        return new ConvType(3, 3);
    }

    @Override
    protected Shape input() {
        return new Shape(2, 6, 7);
    }
}
