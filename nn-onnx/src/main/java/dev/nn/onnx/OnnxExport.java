package dev.nn.onnx;

import dev.nn.core.io.AtomicFiles;
import dev.nn.core.layer.Layer;
import dev.nn.core.layer.ParameterBlock;
import dev.nn.core.layer.Shape;
import dev.nn.core.network.Network;
import dev.nn.core.spi.Activation;
import dev.nn.core.spi.Hyperparameter;
import dev.nn.core.spi.Parameter;
import dev.nn.core.spi.Plugin;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a network as an ONNX model that computes what {@link Network#feedforward} does: input
 * {@code input}, {@code [N, 784]} for MNIST (each image's pixels row by row, scaled to 0..1),
 * output {@code output}, {@code [N, 10]}, the network's output activations. Dense and softmax
 * layers become {@code Gemm}, convolutions {@code Conv}, max-pooling {@code MaxPool} (between them
 * the values are {@code [N, C, H, W]}), inverted dropout nothing and network3.py's dropout its
 * evaluation's scaling; the activations {@code Sigmoid}, {@code Tanh}, {@code Relu},
 * {@code Softmax}, and leaky ReLU as {@code Max(z, slope z)}, which is exact in both precisions.
 * ONNX opset {@value #OPSET}, IR version {@value #IR_VERSION}. A plugin layer or activation is
 * exported if it implements {@link OnnxLayer} or {@link OnnxActivation}, and refused naming its id
 * otherwise.
 */
public final class OnnxExport {

    /** The version of ONNX's standard operator set the models use. */
    public static final int OPSET = 13;
    /** The ONNX IR version of the models (IR 7 goes with opset 13). */
    public static final int IR_VERSION = 7;
    /** The name of the model's input. */
    public static final String INPUT = "input";
    /** The name of the model's output. */
    public static final String OUTPUT = "output";

    private final Network network;
    private final Precision precision;
    private final OnnxGraph graph;
    /** The current value's name, and whether it is {@code [N, C, H, W]} rather than flat. */
    private String x = INPUT;
    private boolean spatial;

    private OnnxExport(Network network, Precision precision) {
        this.network = network;
        this.precision = precision;
        this.graph = new OnnxGraph(precision);
    }

    /**
     * Returns the model's bytes (an ONNX {@code ModelProto}).
     *
     * @param producerVersion nn's version, kept in the model
     * @param metadata further entries of the model's metadata (where it came from, say)
     * @throws IllegalArgumentException naming every layer and activation that has no ONNX form
     */
    public static byte[] toBytes(Network network, Precision precision, String producerVersion,
            Map<String, String> metadata) {
        return new OnnxExport(network, precision).model(producerVersion, metadata);
    }

    /** Writes the model to {@code file} atomically: on failure nothing is left, and an old file stays as it was. */
    public static void write(Path file, Network network, Precision precision, String producerVersion,
            Map<String, String> metadata) throws IOException {
        byte[] bytes = toBytes(network, precision, producerVersion, metadata);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /** The metadata every export carries: how to feed the model, what it computes, and in what precision. */
    static Map<String, String> standardMetadata(Network network, Precision precision) {
        Map<String, String> m = new LinkedHashMap<>();
        Shape in = network.inputShape();
        m.put("nn.input", INPUT + ": [N, " + in.size() + "] " + precision.name().toLowerCase(java.util.Locale.ROOT)
                + ", each example's values in nn's order" + (in.isVector() ? "" : " (channel, row, column: "
                        + in.channels() + "x" + in.height() + "x" + in.width() + ")")
                + "; for MNIST the 28x28 pixels row by row, scaled to 0..1 (value / 255)");
        m.put("nn.output", OUTPUT + ": [N, " + network.outputSize() + "], the output layer's activations; the"
                + " predicted class is the index of the largest");
        List<String> layers = new ArrayList<>();
        for (Layer layer : network.layers()) {
            layers.add(describe(layer.type()) + (layer.activation() == null ? "" : ":" + describe(layer.activation())));
        }
        m.put("nn.layers", String.join(",", layers));
        m.put("nn.cost", describe(network.cost()));
        m.put("nn.precision", precision.name().toLowerCase(java.util.Locale.ROOT));
        return m;
    }

    private static String describe(Plugin plugin) {
        List<String> parts = new ArrayList<>();
        for (Hyperparameter h : plugin.hyperparameters()) {
            parts.add(h.name() + "=" + h.value());
        }
        return parts.isEmpty() ? plugin.id() : plugin.id() + "(" + String.join(";", parts) + ")";
    }

    private byte[] model(String producerVersion, Map<String, String> extra) {
        List<String> refused = new ArrayList<>();
        for (Layer layer : network.layers()) {
            if (!(layer.type() instanceof OnnxLayer) && !builtIn(layer.type())) {
                refused.add("layer " + layer.type().id());
            }
            Activation a = layer.activation();
            if (a != null && !(a instanceof OnnxActivation) && !builtIn(a) && !refused.contains("activation " + a.id())) {
                refused.add("activation " + a.id());
            }
        }
        if (!refused.isEmpty()) {
            throw new IllegalArgumentException("no ONNX form for " + String.join(", ", refused) + ": a plugin offers"
                    + " one by implementing dev.nn.onnx.OnnxLayer or OnnxActivation");
        }
        for (Layer layer : network.layers()) {
            add(layer);
        }
        flat();
        graph.node("Identity", List.of(x), OUTPUT);
        ProtoWriter model = new ProtoWriter().varint(1, IR_VERSION).string(2, "nn").string(3, producerVersion);
        model.message(7, graph.encode("nn", INPUT, network.inputSize(), OUTPUT, network.outputSize(),
                "A network trained with nn (" + String.join(",", layerIds()) + ")"));
        model.message(8, new ProtoWriter().string(1, "").varint(2, OPSET));
        Map<String, String> metadata = standardMetadata(network, precision);
        metadata.putAll(extra);
        metadata.forEach((k, v) -> model.message(14, new ProtoWriter().string(1, k).string(2, v)));
        return model.toByteArray();
    }

    private List<String> layerIds() {
        return network.layers().stream().map(l -> l.type().id()).toList();
    }

    /** The built-in plugins are nn-core's own classes; a plugin cannot take a built-in's id. */
    private static boolean builtIn(Plugin plugin) {
        return plugin.getClass().getName().startsWith("dev.nn.core.");
    }

    private void add(Layer layer) {
        if (layer.type() instanceof OnnxLayer own) {
            flat();
            x = own.toOnnx(graph, layer, x);
            return;
        }
        switch (layer.type().id()) {
            case "dense", "softmax" -> {
                flat();
                x = graph.node("Gemm", List.of(x, weights(layer, false), biases(layer)));
                activate(layer.activation());
            }
            case "conv" -> {
                if (precision == Precision.FLOAT) {
                    toSpatial(layer.inputShape());
                    int k = (int) hyperparameter(layer, "size");
                    x = graph.node("Conv", List.of(x, weights(layer, true), biases(layer)),
                            OnnxGraph.Attribute.ofInts("kernel_shape", k, k));
                } else {
                    patchProduct(layer);
                }
                activate(layer.activation());
            }
            case "pool" -> {
                toSpatial(layer.inputShape());
                long size = (long) hyperparameter(layer, "size");
                x = graph.node("MaxPool", List.of(x), OnnxGraph.Attribute.ofInts("kernel_shape", size, size),
                        OnnxGraph.Attribute.ofInts("strides", size, size));
            }
            case "dropout" -> {
                if (hyperparameter(layer, "inverted") == 0) {
                    // network3.py's dropout: evaluation multiplies every unit by 1 - p
                    x = graph.node("Mul", List.of(x, graph.constant("keep", new long[0],
                            new double[] {1 - hyperparameter(layer, "p")})));
                }
            }
            default -> throw new IllegalStateException("layer " + layer.type().id() + " has no ONNX form");
        }
    }

    private void activate(Activation a) {
        if (a instanceof OnnxActivation own) {
            x = own.toOnnx(graph, x);
            return;
        }
        switch (a.id()) {
            case "sigmoid" -> x = graph.node("Sigmoid", List.of(x));
            case "tanh" -> x = graph.node("Tanh", List.of(x));
            case "relu" -> x = graph.node("Relu", List.of(x));
            case "leaky-relu" -> {
                String slope = graph.constant("slope", new long[0], new double[] {value(a.hyperparameters(), "slope")});
                x = graph.node("Max", List.of(x, graph.node("Mul", List.of(x, slope))));
            }
            case "softmax" -> {
                flat(); // over all of an example's values, as nn's softmax
                x = graph.node("Softmax", List.of(x), OnnxGraph.Attribute.of("axis", 1L));
            }
            default -> throw new IllegalStateException("activation " + a.id() + " has no ONNX form");
        }
    }

    /** The weights: a dense layer's {@code [in, out]} as nn keeps them, a convolution's {@code [F, C, k, k]}. */
    private String weights(Layer layer, boolean convolution) {
        double[][] w = block(layer, Parameter.WEIGHTS).rows();
        int in = w.length;
        int out = w[0].length;
        double[] values = new double[in * out];
        for (int q = 0; q < in; q++) {
            for (int f = 0; f < out; f++) {
                // dense: row-major [in, out]; convolution: filter f's patch values, in nn's order (c, i, j)
                values[convolution ? f * in + q : q * out + f] = w[q][f];
            }
        }
        if (!convolution) {
            return graph.constant("weights", new long[] {in, out}, values);
        }
        Shape s = layer.inputShape();
        int k = (int) hyperparameter(layer, "size");
        return graph.constant("weights", new long[] {out, s.channels(), k, k}, values);
    }

    /**
     * A convolution as a product of patches and weights, for double precision: ONNX Runtime's CPU
     * provider has {@code Conv} in float only. {@code Gather} takes every output position's patch
     * from the flat input (in nn's patch order: channel, kernel row, column), {@code MatMul} combines
     * each with the weights {@code [patch, filters]}, and the result goes to {@code [N, F, H', W']}.
     */
    private void patchProduct(Layer layer) {
        flat();
        Shape in = layer.inputShape();
        Shape out = layer.outputShape();
        int k = (int) hyperparameter(layer, "size");
        int positions = out.height() * out.width();
        int patch = in.channels() * k * k;
        long[] indices = new long[positions * patch];
        int n = 0;
        for (int oi = 0; oi < out.height(); oi++) {
            for (int oj = 0; oj < out.width(); oj++) {
                for (int c = 0; c < in.channels(); c++) {
                    for (int di = 0; di < k; di++) {
                        for (int dj = 0; dj < k; dj++) {
                            indices[n++] = ((long) c * in.height() + oi + di) * in.width() + oj + dj;
                        }
                    }
                }
            }
        }
        String patches = graph.node("Gather", List.of(x, graph.int64Constant("patch_indices",
                new long[] {indices.length}, indices)), OnnxGraph.Attribute.of("axis", 1L));
        String byPosition = graph.node("Reshape", List.of(patches, graph.int64Constant("shape", new long[] {3},
                new long[] {-1, positions, patch})));
        String z = graph.node("Add", List.of(graph.node("MatMul", List.of(byPosition, weights(layer, false))),
                biases(layer)));
        String byFilter = graph.node("Transpose", List.of(z), OnnxGraph.Attribute.ofInts("perm", 0, 2, 1));
        x = graph.node("Reshape", List.of(byFilter, graph.int64Constant("shape", new long[] {4},
                new long[] {-1, out.channels(), out.height(), out.width()})));
        spatial = true;
    }

    private String biases(Layer layer) {
        double[] b = block(layer, Parameter.BIASES).rows()[0];
        return graph.constant("biases", new long[] {b.length}, b.clone());
    }

    private static ParameterBlock block(Layer layer, String name) {
        List<ParameterBlock> blocks = layer.parameters();
        return blocks.get(ParameterBlock.indexOf(blocks, name));
    }

    private static double hyperparameter(Layer layer, String name) {
        return value(layer.type().hyperparameters(), name);
    }

    private static double value(List<Hyperparameter> hyperparameters, String name) {
        for (Hyperparameter h : hyperparameters) {
            if (h.name().equals(name)) {
                return h.value();
            }
        }
        throw new IllegalStateException("no hyperparameter " + name);
    }

    private void flat() {
        if (spatial) {
            x = graph.node("Flatten", List.of(x), OnnxGraph.Attribute.of("axis", 1L));
            spatial = false;
        }
    }

    private void toSpatial(Shape shape) {
        if (!spatial) {
            x = graph.node("Reshape", List.of(x, graph.int64Constant("shape", new long[] {4},
                    new long[] {-1, shape.channels(), shape.height(), shape.width()})));
            spatial = true;
        }
    }
}
