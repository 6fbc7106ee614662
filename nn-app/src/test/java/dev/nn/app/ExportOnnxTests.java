package dev.nn.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.nn.core.data.DataSet;
import dev.nn.core.io.ModelFile;
import dev.nn.core.network.Network;
import dev.nn.core.registry.PluginRegistry;
import dev.nn.core.spi.Matrix;
import dev.nn.data.mnist.Mnist;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code nn export onnx} as a user runs it: a model trained by {@code nn train}, exported in double
 * and in float, evaluated by ONNX Runtime on the 10,000 test images, gives every image the class
 * nn gives it and the accuracy {@code nn evaluate} prints.
 */
class ExportOnnxTests {

    @TempDir
    static Path tmp;

    private static int argmax(double[] row) {
        int best = 0;
        for (int k = 1; k < row.length; k++) {
            if (row[k] > row[best]) {
                best = k;
            }
        }
        return best;
    }

    /** The classes ONNX Runtime gives the images of {@code x} with the model in {@code file}. */
    private static int[] onnxClasses(Path file, double[][] x, boolean asFloat) throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(file.toString(), new OrtSession.SessionOptions())) {
            Object fed = x;
            if (asFloat) {
                float[][] f = new float[x.length][x[0].length];
                for (int i = 0; i < x.length; i++) {
                    for (int k = 0; k < x[i].length; k++) {
                        f[i][k] = (float) x[i][k];
                    }
                }
                fed = f;
            }
            try (OnnxTensor in = OnnxTensor.createTensor(env, fed);
                    OrtSession.Result r = session.run(Map.of("input", in))) {
                Object out = r.get("output").orElseThrow().getValue();
                int[] classes = new int[x.length];
                for (int i = 0; i < x.length; i++) {
                    double[] row = new double[10];
                    for (int k = 0; k < row.length; k++) {
                        row[k] = asFloat ? ((float[][]) out)[i][k] : ((double[][]) out)[i][k];
                    }
                    classes[i] = argmax(row);
                }
                return classes;
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"--layers 784,30,10 --l2 0.2", "--net conv:6:5,pool:2,dense:30,softmax:10 --cost"
            + " log-likelihood --activation relu --eta 0.03"})
    void onnxRuntimeGivesEveryTestImageNnsClassAndNnEvaluatesAccuracy(String flags) throws Exception {
        Path mnist = AppRunner.mnist();
        Path run = tmp.resolve("run" + Math.abs(flags.hashCode()));
        List<String> args = new java.util.ArrayList<>(List.of("train", "--train-size", "1000", "--epochs", "3",
                "--out", run.toString(), "--data", mnist.toString(), "--quiet"));
        args.addAll(List.of(flags.split(" ")));
        AppRunner.Result trained = AppRunner.run(args.toArray(new String[0]));
        assertEquals(0, trained.code(), trained.err());
        AppRunner.Result evaluated = AppRunner.run("evaluate", "--model", run.resolve("model.json").toString(),
                "--data", mnist.toString());
        Matcher m = Pattern.compile("test accuracy \\S+ \\((\\d+) / 10000\\)").matcher(evaluated.out());
        assertTrue(m.find(), evaluated.out());
        int correctByNn = Integer.parseInt(m.group(1));

        DataSet test = Mnist.loadTest(mnist);
        double[][] x = new double[test.size()][784];
        int[] labels = new int[test.size()];
        for (int i = 0; i < x.length; i++) {
            test.copyInputs(i, x[i], 0);
            labels[i] = test.label(i);
        }
        Network network = ModelFile.read(run.resolve("model.json"), PluginRegistry.load()).network();
        Matrix out = network.feedforward(Matrix.of(x));
        int[] nnClasses = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            nnClasses[i] = argmax(out.row(i));
        }
        for (String precision : List.of("double", "float")) {
            Path file = tmp.resolve(run.getFileName() + "-" + precision + ".onnx");
            AppRunner.Result exported = AppRunner.run("export", "onnx", run.toString(), "--out", file.toString(),
                    "--precision", precision);
            assertEquals(0, exported.code(), exported.err());
            assertTrue(exported.out().startsWith("wrote " + file + " ("), exported.out());
            int[] classes = onnxClasses(file, x, precision.equals("float"));
            assertArrayEquals(nnClasses, classes, precision + ": every image gets nn's class");
            int correct = 0;
            for (int i = 0; i < classes.length; i++) {
                correct += classes[i] == labels[i] ? 1 : 0;
            }
            assertEquals(correctByNn, correct, precision + ": nn evaluate's accuracy");
        }
        // the manual's serving example, as printed there
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        java.io.PrintStream saved = System.out;
        System.setOut(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            Class.forName("ServeOnnx").getMethod("main", String[].class).invoke(null, (Object) new String[] {
                tmp.resolve(run.getFileName() + "-double.onnx").toString(), mnist.toString()});
        } finally {
            System.setOut(saved);
        }
        assertEquals("digit " + nnClasses[0] + ", label " + labels[0] + "\n",
                printed.toString(java.nio.charset.StandardCharsets.UTF_8).replace("\r\n", "\n"));
        AppRunner.Result again = AppRunner.run("export", "onnx", run.toString(), "--out",
                tmp.resolve(run.getFileName() + "-double.onnx").toString());
        assertEquals(2, again.code());
        assertTrue(again.err().contains("exists; give --force to replace it"), again.err());
        assertTrue(Files.size(tmp.resolve(run.getFileName() + "-double.onnx")) > 0, "the file it refused to replace");
    }
}
