package dev.nn.onnx;

/** The element type of an exported model's input, parameters and output. */
public enum Precision {
    /** 64-bit, as nn computes: ONNX Runtime's CPU provider gives nn's outputs to about 1e-15. */
    DOUBLE(11),
    /** 32-bit, what most runtimes and accelerators run fastest: outputs agree with nn's to about 1e-6. */
    FLOAT(1);

    private final int onnxType;

    Precision(int onnxType) {
        this.onnxType = onnxType;
    }

    /** Returns the {@code TensorProto.DataType} of the precision. */
    int onnxType() {
        return onnxType;
    }

    /** Returns the precision a user names: {@code double} or {@code float}. */
    public static Precision of(String name) {
        for (Precision p : values()) {
            if (p.name().equalsIgnoreCase(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("expected double or float, got '" + name + "'");
    }
}
