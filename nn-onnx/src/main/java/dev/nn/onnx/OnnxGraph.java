package dev.nn.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The graph of a model being exported: nodes of ONNX's standard operators (opset
 * {@value OnnxExport#OPSET}) and constant tensors, in the model's {@link Precision}. The exporter
 * adds the built-in layers' nodes; a plugin's {@link OnnxActivation} or {@link OnnxLayer} adds its
 * own. Names are made unique by the graph; every method returns the name of what it added.
 */
public final class OnnxGraph {

    private static final int INT64 = 7;

    private final Precision precision;
    private final List<ProtoWriter> nodes = new ArrayList<>();
    private final List<ProtoWriter> initializers = new ArrayList<>();
    private int counter;

    OnnxGraph(Precision precision) {
        this.precision = precision;
    }

    /** Returns the precision of the model's tensors: constants are stored in it. */
    public Precision precision() {
        return precision;
    }

    /** Returns a name no other value of the graph has, starting with {@code prefix}. */
    public String name(String prefix) {
        return prefix + "_" + ++counter;
    }

    /**
     * Adds a constant tensor in the model's precision (a float model stores each value rounded to
     * float) and returns its name.
     *
     * @param dims its shape ({@code new long[0]} for a scalar)
     * @param values its elements, row-major
     */
    public String constant(String prefix, long[] dims, double[] values) {
        checkSize(dims, values.length);
        int width = precision == Precision.DOUBLE ? 8 : 4;
        ByteBuffer raw = ByteBuffer.allocate(values.length * width).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            if (precision == Precision.DOUBLE) {
                raw.putDouble(v);
            } else {
                raw.putFloat((float) v);
            }
        }
        return tensor(prefix, dims, precision.onnxType(), raw.array());
    }

    /** Adds a constant tensor of 64-bit integers (a shape, axes) and returns its name. */
    public String int64Constant(String prefix, long[] dims, long[] values) {
        checkSize(dims, values.length);
        ByteBuffer raw = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            raw.putLong(v);
        }
        return tensor(prefix, dims, INT64, raw.array());
    }

    private String tensor(String prefix, long[] dims, int type, byte[] raw) {
        String name = name(prefix);
        ProtoWriter t = new ProtoWriter();
        for (long d : dims) {
            t.varint(1, d);
        }
        t.varint(2, type).string(8, name).bytes(9, raw);
        initializers.add(t);
        return name;
    }

    private static void checkSize(long[] dims, int length) {
        long size = 1;
        for (long d : dims) {
            size *= d;
        }
        if (size != length) {
            throw new IllegalArgumentException("a constant of shape " + java.util.Arrays.toString(dims) + " needs "
                    + size + " values, got " + length);
        }
    }

    /**
     * Adds a node of one of ONNX's standard operators, with one output, and returns the output's name.
     *
     * @param op the operator, such as {@code Gemm} or {@code Sigmoid}
     * @param inputs the names of its inputs, in the operator's order
     */
    public String node(String op, List<String> inputs, Attribute... attributes) {
        String output = name(op.toLowerCase(java.util.Locale.ROOT));
        node(op, inputs, output, attributes);
        return output;
    }

    /** Adds a node whose output has a given name (the graph's output, say). */
    void node(String op, List<String> inputs, String output, Attribute... attributes) {
        ProtoWriter n = new ProtoWriter();
        inputs.forEach(i -> n.string(1, i));
        n.string(2, output).string(3, output).string(4, op);
        for (Attribute a : attributes) {
            n.message(5, a.encode());
        }
        nodes.add(n);
    }

    /** Returns the graph as {@code GraphProto}: its nodes, constants, and one input and one output. */
    ProtoWriter encode(String name, String input, long inputSize, String output, long outputSize, String doc) {
        ProtoWriter g = new ProtoWriter();
        nodes.forEach(n -> g.message(1, n));
        g.string(2, name);
        initializers.forEach(t -> g.message(5, t));
        g.string(10, doc);
        g.message(11, valueInfo(input, inputSize));
        g.message(12, valueInfo(output, outputSize));
        return g;
    }

    /** A {@code [N, size]} tensor of the model's precision, N the batch size, left free. */
    private ProtoWriter valueInfo(String name, long size) {
        ProtoWriter shape = new ProtoWriter().message(1, new ProtoWriter().string(2, "N"))
                .message(1, new ProtoWriter().varint(1, size));
        ProtoWriter tensor = new ProtoWriter().varint(1, precision.onnxType()).message(2, shape);
        return new ProtoWriter().string(1, name).message(2, new ProtoWriter().message(1, tensor));
    }

    /** An attribute of a node: an integer, a float or a list of integers, made by the factories. */
    public static final class Attribute {

        private final String name;
        /** The {@code AttributeProto} without its name. */
        private final byte[] encoded;

        private Attribute(String name, byte[] encoded) {
            this.name = name;
            this.encoded = encoded;
        }

        /** An integer attribute, such as Flatten's {@code axis}. */
        public static Attribute of(String name, long value) {
            return new Attribute(name, new ProtoWriter().varint(20, 2).varint(3, value).toByteArray());
        }

        /** A float attribute, such as LeakyRelu's {@code alpha}. */
        public static Attribute of(String name, float value) {
            return new Attribute(name, new ProtoWriter().varint(20, 1).float32(2, value).toByteArray());
        }

        /** A list of integers, such as MaxPool's {@code kernel_shape}. */
        public static Attribute ofInts(String name, long... values) {
            ProtoWriter w = new ProtoWriter().varint(20, 7);
            for (long v : values) {
                w.varint(8, v);
            }
            return new Attribute(name, w.toByteArray());
        }

        /** Returns the operator's name for it. */
        public String name() {
            return name;
        }

        ProtoWriter encode() {
            return new ProtoWriter().string(1, name).bytesRaw(encoded);
        }
    }
}
