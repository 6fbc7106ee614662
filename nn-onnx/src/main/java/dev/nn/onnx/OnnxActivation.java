package dev.nn.onnx;

/**
 * What a plugin activation implements, beside {@link dev.nn.core.spi.Activation}, to be
 * exported: the ONNX nodes that compute it. Without it, exporting a network that uses the
 * activation is refused, naming its id.
 */
public interface OnnxActivation {

    /**
     * Adds the nodes that apply the activation to {@code input}, a layer's weighted inputs of shape
     * {@code [N, units]}, and returns the name of their output, of the same shape.
     */
    String toOnnx(OnnxGraph graph, String input);
}
