import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.nn.core.data.DataSet;
import dev.nn.data.mnist.Mnist;
import java.nio.file.Path;
import java.util.Map;

/** java ServeOnnx MODEL.onnx MNIST_DIR: the digit ONNX Runtime sees in the first test image, and its label. */
public class ServeOnnx {
    public static void main(String[] args) throws Exception {
        DataSet test = Mnist.loadTest(Path.of(args[1]));
        double[][] image = new double[1][784]; // the pixels row by row, scaled to 0..1
        test.copyInputs(0, image[0], 0);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession model = env.createSession(args[0], new OrtSession.SessionOptions());
                OnnxTensor input = OnnxTensor.createTensor(env, image);
                OrtSession.Result result = model.run(Map.of("input", input))) {
            double[] scores = ((double[][]) result.get("output").orElseThrow().getValue())[0];
            int digit = 0;
            for (int k = 1; k < scores.length; k++) {
                digit = scores[k] > scores[digit] ? k : digit;
            }
            System.out.println("digit " + digit + ", label " + test.label(0));
        }
    }
}
