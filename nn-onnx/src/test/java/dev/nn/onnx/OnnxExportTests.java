package dev.nn.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtException;
import dev.nn.core.data.DataSet;
import dev.nn.core.layer.Shape;
import dev.nn.core.network.Network;
import dev.nn.core.spi.Matrix;
import dev.nn.data.mnist.Mnist;
import dev.nn.data.mnist.testing.RealMnist;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every built-in layer, activation and output, exported and run in ONNX Runtime: its outputs are
 * nn's to 1e-12 in double and 1e-5 in float, on made-up images (as sparse as MNIST's) and on the
 * real test images; what has no ONNX form is refused, naming it.
 */
class OnnxExportTests {

    private static final Shape IMAGE = new Shape(1, 28, 28);
    private static final Shape VECTOR = Shape.vector(784);

    /** The networks: every hidden activation with every output, dropout of both kinds, convolutions and pooling. */
    static Stream<Arguments> networks() {
        List<Arguments> cases = new ArrayList<>();
        for (String hidden : List.of("sigmoid", "tanh", "relu", "leaky-relu(slope=0.1)")) {
            for (String output : List.of("dense:10:sigmoid", "dense:10:softmax", "softmax:10")) {
                cases.add(Arguments.of(VECTOR, "dense:30:" + hidden + "," + output));
            }
            cases.add(Arguments.of(IMAGE, "conv:4:5:" + hidden + ",pool:2,dense:20:" + hidden + ",softmax:10"));
        }
        cases.add(Arguments.of(VECTOR, "dense:40:relu,dropout:0.5,dense:10:softmax"));
        cases.add(Arguments.of(VECTOR, "dense:40:tanh,dropout:p=0.3:inverted=0,dense:20:sigmoid,dense:10:sigmoid"));
        cases.add(Arguments.of(IMAGE, "conv:5:5:relu,pool:2,conv:6:3:relu,pool:2,dense:30:relu,"
                + "dropout:p=0.5:inverted=0,softmax:10"));
        cases.add(Arguments.of(IMAGE, "pool:2,conv:3:3:sigmoid,dense:10:softmax"));
        return cases.stream();
    }

    private static Network network(Shape input, String layers) {
        return Network.from(input).layers(layers).seed(7).build();
    }

    /** Made-up images: 81% zeros, the rest k/255, as MNIST's pixels are. */
    static double[][] madeUp(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][784];
        for (double[] row : x) {
            for (int k = 0; k < row.length; k++) {
                row[k] = random.nextDouble() < 0.81 ? 0 : random.nextInt(1, 256) / 255.0;
            }
        }
        return x;
    }

    static double[][] nn(Network network, double[][] x) {
        Matrix out = network.feedforward(Matrix.of(x));
        double[][] rows = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            rows[i] = out.row(i);
        }
        return rows;
    }

    static double maxDifference(double[][] a, double[][] b) {
        assertEquals(a.length, b.length);
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i].length, b[i].length);
            for (int k = 0; k < a[i].length; k++) {
                max = Math.max(max, Math.abs(a[i][k] - b[i][k]));
            }
        }
        return max;
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("networks")
    void onnxRuntimeGivesNnsOutputs(Shape input, String layers) throws OrtException {
        Network network = network(input, layers);
        double[][] x = madeUp(64, layers.hashCode());
        double[][] expected = nn(network, x);
        double[][] inDouble = OrtRunner.run(OnnxExport.toBytes(network, Precision.DOUBLE, "test", Map.of()), x,
                Precision.DOUBLE);
        assertTrue(maxDifference(expected, inDouble) <= 1e-12, "double: " + maxDifference(expected, inDouble));
        double[][] inFloat = OrtRunner.run(OnnxExport.toBytes(network, Precision.FLOAT, "test", Map.of()), x,
                Precision.FLOAT);
        assertTrue(maxDifference(expected, inFloat) <= 1e-5, "float: " + maxDifference(expected, inFloat));
    }

    @Test
    void onTheRealTestImagesTheOutputsAndPredictionsAreNns() throws IOException, OrtException {
        DataSet test = Mnist.loadTest(RealMnist.dir());
        double[][] x = new double[2000][784];
        for (int i = 0; i < x.length; i++) {
            test.copyInputs(i, x[i], 0);
        }
        for (String layers : List.of("conv:5:5:relu,pool:2,dense:30:relu,softmax:10", "dense:30:sigmoid,dense:10:sigmoid")) {
            Network network = network(layers.startsWith("conv") ? IMAGE : VECTOR, layers);
            double[][] expected = nn(network, x);
            for (Precision p : Precision.values()) {
                double[][] got = OrtRunner.run(OnnxExport.toBytes(network, p, "test", Map.of()), x, p);
                assertTrue(maxDifference(expected, got) <= (p == Precision.DOUBLE ? 1e-12 : 1e-5),
                        layers + " " + p + ": " + maxDifference(expected, got));
            }
        }
    }

    @Test
    void aPluginActivationWithoutAnOnnxFormIsRefusedByName() {
        Network network = Network.of(784, 10, 10).activation(new Cube()).seed(1).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OnnxExport.toBytes(network, Precision.DOUBLE, "test", Map.of()));
        assertEquals("no ONNX form for activation cube: a plugin offers one by implementing dev.nn.onnx.OnnxLayer or"
                + " OnnxActivation", e.getMessage());
    }

    /** z^3: a plugin activation that has no ONNX form. */
    static class Cube implements dev.nn.core.spi.ElementwiseActivation {
        @Override
        public String id() {
            return "cube";
        }

        @Override
        public double value(double z) {
            return z * z * z;
        }

        @Override
        public double derivative(double z, double a) {
            return 3 * z * z;
        }
    }

    /** The cube activation with its ONNX form. */
    static final class OnnxCube extends Cube implements OnnxActivation {
        @Override
        public String toOnnx(OnnxGraph graph, String input) {
            return graph.node("Mul", List.of(input, graph.node("Mul", List.of(input, input))));
        }
    }

    @Test
    void aPluginActivationWithAnOnnxFormIsExported() throws OrtException {
        Network network = Network.of(784, 10, 10).activation(new OnnxCube()).seed(1).build();
        double[][] x = madeUp(16, 3);
        double[][] got = OrtRunner.run(OnnxExport.toBytes(network, Precision.DOUBLE, "test", Map.of()), x,
                Precision.DOUBLE);
        assertTrue(maxDifference(nn(network, x), got) <= 1e-12, "" + maxDifference(nn(network, x), got));
    }

    /** A registry of the built-ins and {@code scale}, as a plugin jar would add it. */
    private static dev.nn.core.registry.PluginRegistry withScale(ScaleType scale) {
        dev.nn.core.registry.PluginRegistry builtIn = dev.nn.core.registry.PluginRegistry.load();
        List<dev.nn.core.spi.Plugin> plugins = new ArrayList<>(List.of(scale));
        for (var kind : dev.nn.core.registry.PluginKind.all()) {
            builtIn.ids(kind).forEach(id -> plugins.add(builtIn.get(kind, id)));
        }
        return dev.nn.core.registry.PluginRegistry.of(plugins);
    }

    @Test
    void aPluginLayerWithAnOnnxFormIsExportedBetweenBuiltInOnes() throws OrtException {
        Network network = Network.from(IMAGE).registry(withScale(new ScaleType.Exportable(1))).layers("conv:3:5:relu,"
                + "scale:0.5,pool:2,scale:3,dense:10:softmax").seed(2).build();
        double[][] x = madeUp(16, 5);
        for (Precision p : Precision.values()) {
            double[][] got = OrtRunner.run(OnnxExport.toBytes(network, p, "test", Map.of()), x, p);
            assertTrue(maxDifference(nn(network, x), got) <= (p == Precision.DOUBLE ? 1e-12 : 1e-5), p + " "
                    + maxDifference(nn(network, x), got));
        }
    }

    @Test
    void aPluginLayerWithoutOneIsRefusedByNameWithEveryOther() {
        Network network = Network.from(VECTOR).registry(withScale(new ScaleType(1))).layers("scale:2,dense:10")
                .activation(new Cube()).seed(2).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OnnxExport.toBytes(network, Precision.FLOAT, "test", Map.of()));
        assertEquals("no ONNX form for layer scale, activation cube: a plugin offers one by implementing"
                + " dev.nn.onnx.OnnxLayer or OnnxActivation", e.getMessage());
    }
}
