package dev.nn.core.plugins.layers;

import dev.nn.core.layer.Layer;
import dev.nn.core.layer.LayerPass;
import dev.nn.core.layer.PassSetup;
import dev.nn.core.layer.Shape;

/**
 * Dropout after a layer: no parameters; its output has its input's shape.
 *
 * @param type the type, with p
 * @param inputShape the shape in and out
 */
record DropoutLayer(DropoutType type, Shape inputShape) implements Layer {

    @Override
    public Shape outputShape() {
        return inputShape;
    }

    @Override
    public LayerPass newPass(PassSetup setup) {
        return new DropoutPass(type.p(), type.inverted(), inputShape.size(), setup);
    }

    @Override
    public Layer copy() {
        return this;
    }
}
