package dev.nn.onnx;

import dev.nn.core.layer.Layer;

/**
 * What a plugin's {@link dev.nn.core.layer.LayerType} implements to be exported: the ONNX nodes
 * of one of its layers in evaluation. Without it, exporting a network with such a layer is
 * refused, naming its id.
 */
public interface OnnxLayer {

    /**
     * Adds the nodes of {@code layer} as it evaluates, its parameters as constants
     * ({@link Layer#parameters()}), and returns the name of their output.
     *
     * @param input the layer's input, {@code [N, size]}, each example's values flat in nn's order
     *     (channel, row, column)
     * @return a tensor {@code [N, size]} of the layer's output, flat in the same order
     */
    String toOnnx(OnnxGraph graph, Layer layer, String input);
}
