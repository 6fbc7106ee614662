/**
 * A trained network as an ONNX model ({@link dev.nn.onnx.OnnxExport}), readable by ONNX Runtime and
 * every other runtime that reads ONNX. Plugin activations and layers offer their own form by also
 * implementing {@link dev.nn.onnx.OnnxActivation} or {@link dev.nn.onnx.OnnxLayer}.
 */
module dev.nn.onnx {
    requires transitive dev.nn.core;

    exports dev.nn.onnx;
}
