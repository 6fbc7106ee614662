package dev.nn.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.Map;

/** Runs an exported model in ONNX Runtime (its CPU provider), as a user of the model would. */
final class OrtRunner {

    private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();

    private OrtRunner() {
    }

    /** Returns the model's output for {@code inputs}, one example per row, fed in the model's precision. */
    static double[][] run(byte[] model, double[][] inputs, Precision precision) throws OrtException {
        try (OrtSession session = ENV.createSession(model, new OrtSession.SessionOptions())) {
            Object fed = inputs;
            if (precision == Precision.FLOAT) {
                float[][] f = new float[inputs.length][];
                for (int i = 0; i < inputs.length; i++) {
                    f[i] = new float[inputs[i].length];
                    for (int k = 0; k < f[i].length; k++) {
                        f[i][k] = (float) inputs[i][k];
                    }
                }
                fed = f;
            }
            try (OnnxTensor tensor = OnnxTensor.createTensor(ENV, fed);
                    OrtSession.Result result = session.run(Map.of(OnnxExport.INPUT, tensor))) {
                Object out = result.get(OnnxExport.OUTPUT).orElseThrow().getValue();
                if (out instanceof double[][] d) {
                    return d;
                }
                float[][] f = (float[][]) out;
                double[][] d = new double[f.length][];
                for (int i = 0; i < f.length; i++) {
                    d[i] = new double[f[i].length];
                    for (int k = 0; k < f[i].length; k++) {
                        d[i][k] = f[i][k];
                    }
                }
                return d;
            }
        }
    }
}
