package dev.nn.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.core.network.Network;
import dev.nn.core.network.Regularization;
import dev.nn.core.registry.PluginRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import dev.nn.core.spi.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTests {

    private static final PluginRegistry REGISTRY = PluginRegistry.load();

    /** The network in the checked-in {@code models/tiny-v1.json}. */
    static SavedModel tiny() {
        Network net = Network.of(3, 4, 2).seed(42).registry(REGISTRY).activation("relu").outputActivation("sigmoid")
                .build();
        return new SavedModel(net, List.of(new Regularization(REGISTRY.regularizer("l2"), 0.1)));
    }

    /** A cost with a parameter: the quadratic cost times {@code scale}. */
    public static final class ScaledCost implements dev.nn.core.spi.Cost {
        private final double scale;

        /** With scale 1. */
        public ScaledCost() {
            this(1);
        }

        ScaledCost(double scale) {
            this.scale = scale;
        }

        @Override
        public String id() {
            return "scaled";
        }

        @Override
        public List<dev.nn.core.spi.Hyperparameter> hyperparameters() {
            return List.of(new dev.nn.core.spi.Hyperparameter("scale", scale, "> 0"));
        }

        @Override
        public ScaledCost withParameters(java.util.Map<String, Double> values) {
            return new ScaledCost(values.getOrDefault("scale", scale));
        }

        @Override
        public double value(Matrix a, Matrix y) {
            double sum = 0;
            for (int r = 0; r < a.rows(); r++) {
                for (int c = 0; c < a.cols(); c++) {
                    double d = a.get(r, c) - y.get(r, c);
                    sum += 0.5 * scale * d * d;
                }
            }
            return sum;
        }

        @Override
        public void derivative(Matrix a, Matrix y, Matrix gradA) {
            for (int r = 0; r < a.rows(); r++) {
                for (int c = 0; c < a.cols(); c++) {
                    gradA.set(r, c, scale * (a.get(r, c) - y.get(r, c)));
                }
            }
        }
    }

    @Test
    void aCostsParametersAreSavedAndReadBack(@TempDir Path dir) throws IOException {
        PluginRegistry registry = PluginRegistry.of(List.of(new ScaledCost(), REGISTRY.activation("sigmoid"),
                REGISTRY.initializer("default"), REGISTRY.regularizer("l2"),
                REGISTRY.get(dev.nn.core.registry.PluginKind.LAYER, "dense")));
        Network net = Network.of(3, 4, 2).seed(42).registry(registry).cost("scaled:scale=0.8").build();
        Path file = dir.resolve("model.json");
        ModelFile.write(file, new SavedModel(net, List.of()));
        assertTrue(Files.readString(file).contains("\"costId\":\"scaled:scale=0.8\""), Files.readString(file));
        SavedModel loaded = ModelFile.read(file, registry);
        assertEquals(0.8, loaded.network().cost().hyperparameters().get(0).value());
    }

    @Test
    void roundTripIsBitExact(@TempDir Path dir) throws IOException {
        Network net = Network.of(784, 30, 10).seed(3).registry(REGISTRY).build();
        Path file = dir.resolve("model.json");
        ModelFile.write(file, new SavedModel(net, List.of()));
        SavedModel loaded = ModelFile.read(file, REGISTRY);
        assertTrue(net.sameAs(loaded.network()));
        assertEquals(List.of(), loaded.regularization());
        assertEquals(List.of("model.json"), List.of(dir.toFile().list()), "no temporary file is left behind");
    }

    @Test
    void checkedInModelStillLoadsAndWritesTheSameBytes(@TempDir Path dir) throws IOException {
        byte[] checkedIn;
        try (InputStream in = getClass().getResourceAsStream("/models/tiny-v1.json")) {
            checkedIn = in.readAllBytes();
        }
        Path file = dir.resolve("tiny.json");
        Files.write(file, checkedIn);
        SavedModel loaded = ModelFile.read(file, REGISTRY);
        assertTrue(tiny().network().sameAs(loaded.network()));
        assertEquals("l2", loaded.regularization().get(0).regularizer().id());
        assertEquals(0.1, loaded.regularization().get(0).lambda(), 0.0);
        assertEquals("sgd", loaded.updateRule(), "a file without updateRule was trained by sgd");
        assertEquals(0.0, loaded.network().dropout(), 0.0);
    }

    /** The same model with the keys added since (layers, updateRule, dropout), as this version writes it. */
    @Test
    void checkedInModelWithLayersWritesTheSameBytes(@TempDir Path dir) throws IOException {
        byte[] checkedIn;
        try (InputStream in = getClass().getResourceAsStream("/models/tiny-v1-layers.json")) {
            checkedIn = in.readAllBytes();
        }
        Path file = dir.resolve("tiny.json");
        Files.write(file, checkedIn);
        SavedModel loaded = ModelFile.read(file, REGISTRY);
        assertTrue(tinyWithLayers().network().sameAs(loaded.network()));
        assertEquals("momentum:mu=0.5", loaded.updateRule());
        assertEquals(0.25, loaded.network().dropout(), 0.0);
        assertEquals(List.of("dense", "dropout", "dense"),
                loaded.network().layers().stream().map(l -> l.type().id()).toList());
        Path rewritten = dir.resolve("again.json");
        ModelFile.write(rewritten, tinyWithLayers());
        assertArrayEquals(checkedIn, Files.readAllBytes(rewritten));
    }

    private static SavedModel tinyWithLayers() {
        Network net = Network.of(3, 4, 2).seed(42).registry(REGISTRY).activation("relu").outputActivation("sigmoid")
                .dropout(0.25).build();
        return new SavedModel(net, tiny().regularization(), "momentum:mu=0.5");
    }

    /** The activations summary beside the layers must say what they say (the layers would win without a word). */
    @Test
    void activationsThatDisagreeWithTheLayersAreRefused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("tiny.json");
        ModelFile.write(file, tinyWithLayers());
        String json = Files.readString(file);
        assertTrue(json.contains("\"activations\":[\"relu\",\"sigmoid\"]"), json);
        assertEquals(dir.resolve("bad.json") + ": activations: expected [relu, sigmoid] (from layers), found"
                + " [sigmoid, sigmoid]",
                errorFor(dir, json.replace("\"activations\":[\"relu\",", "\"activations\":[\"sigmoid\",")));
    }

    @Test
    void writesTheKeysNetwork2Reads() throws IOException {
        String json = new String(getClass().getResourceAsStream("/models/tiny-v1.json").readAllBytes());
        assertTrue(json.contains("\"sizes\":[3,4,2]"));
        assertTrue(json.contains("\"cost\":\"CrossEntropyCost\""));
        assertTrue(json.contains("\"biases\":[[["), "biases are column vectors, as numpy's tolist() writes them");
    }

    @Test
    void readsAFileWrittenByNetwork2(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("network2.json");
        Files.writeString(file, "{\"sizes\": [2, 1], \"weights\": [[[0.5, -0.25]]], \"biases\": [[[0.125]]],"
                + " \"cost\": \"QuadraticCost\"}");
        Network net = ModelFile.read(file, REGISTRY).network();
        assertEquals("quadratic", net.cost().id());
        assertEquals("sigmoid", net.activation(0).id());
        assertEquals(-0.25, net.weights(0).get(0, 1), 0.0);
        assertEquals(0.125, net.biases(0).get(0, 0), 0.0);
    }

    private String errorFor(Path dir, String json) throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, json);
        return assertThrows(ModelFormatException.class, () -> ModelFile.read(file, REGISTRY)).getMessage();
    }

    @Test
    void namesTheFieldThatIsWrong(@TempDir Path dir) throws IOException {
        String file = dir.resolve("bad.json").toString();
        String valid = "\"sizes\": [2, 1], \"cost\": \"CrossEntropyCost\", \"biases\": [[[0.1]]]";
        assertEquals(file + ": weights[0][0]: expected 2 entries (one weight per input (sizes[l])), found 1",
                errorFor(dir, "{" + valid + ", \"weights\": [[[0.5]]]}"));
        assertEquals(file + ": weights: missing", errorFor(dir, "{" + valid + "}"));
        assertEquals(file + ": weights[0][0][1]: expected a finite number, found NaN",
                errorFor(dir, "{" + valid + ", \"weights\": [[[0.5, NaN]]]}"));
        assertEquals(file + ": weights[0][0][0]: expected a number, found the string \"x\"",
                errorFor(dir, "{" + valid + ", \"weights\": [[[\"x\", 1]]]}"));
        MissingPluginsException missing = assertThrows(MissingPluginsException.class, () -> ModelFile.read(
                Files.writeString(dir.resolve("bad.json"), "{\"sizes\": [2, 3, 1], \"costId\": \"hellinger\","
                        + " \"activations\": [\"swish\", \"softplus:beta=2\"], \"regularization\": [{\"id\":"
                        + " \"elastic-net\", \"lambda\": 1}, {\"id\": \"l2\", \"lambda\": 1}]}"), REGISTRY));
        assertEquals(file + " needs plugins that are not installed: activation swish, softplus; cost hellinger;"
                + " regularizer elastic-net", missing.getMessage(), "every missing id, by kind");
        assertEquals(List.of("swish", "softplus"), missing.missing().get("activation"));
        assertEquals(file + ": sizes[1]: expected a size >= 1, found 0",
                errorFor(dir, "{\"sizes\": [2, 0], \"cost\": \"CrossEntropyCost\"}"));
        assertEquals(file + ": formatVersion: expected 1, found 2", errorFor(dir, "{\"formatVersion\": 2}"));
        assertEquals(file + ": not valid JSON at line 1, column 15", errorFor(dir, "{\"sizes\": [2, "));
        assertEquals(file + ": is empty, not a model file", errorFor(dir, ""));
        assertEquals(file + ": expected a JSON object (a model file), found an array", errorFor(dir, "[1, 2]"));
        assertEquals(file + ": sizes[0]: expected a number, found the string \"one\"",
                errorFor(dir, "{\"sizes\": [\"one\", 2]}"));
        assertEquals(file + ": sizes: expected an array, found 7", errorFor(dir, "{\"sizes\": 7}"));
        assertEquals(file + ": not a model file (it has none of sizes, weights, layers; nn train writes one as"
                + " model.json)", errorFor(dir, "{\"format\": \"nn-history\", \"epochs\": []}"));
        // a number where a plugin's name goes is not a plugin that is missing
        assertEquals(file + ": layers[1].activation: expected the name of an activation, found 5", errorFor(dir,
                "{\"sizes\": [2, 3, 1], \"layers\": [{\"type\": \"dense\", \"units\": 3}, {\"type\": \"dense\","
                + " \"units\": 1, \"activation\": 5}]}"));
        assertEquals(file + ": layers[0].type: expected the name of a layer, found {}", errorFor(dir,
                "{\"sizes\": [2, 1], \"layers\": [{\"type\": {}}]}"));
        assertEquals(file + ": activations[0]: expected the name of an activation, found \"no such:x\"", errorFor(dir,
                "{\"sizes\": [2, 1], \"activations\": [\"no such:x\"]}"));
        assertEquals(file + ": costId: expected the name of a cost, found 7", errorFor(dir,
                "{\"sizes\": [2, 1], \"costId\": 7}"));
        assertEquals(file + ": regularization[0].id: expected the name of a regularizer, found null", errorFor(dir,
                "{\"sizes\": [2, 1], \"regularization\": [{\"id\": null}]}"));
        assertEquals(dir + ": is a directory, not a model file",
                assertThrows(IOException.class, () -> ModelFile.read(dir, REGISTRY)).getMessage());
        Path zero = Path.of("/dev/zero"); // endless, and of size 0: it is not "empty"
        if (Files.exists(zero)) {
            assertEquals(zero + ": is not a regular file, not a model file",
                    assertThrows(IOException.class, () -> ModelFile.read(zero, REGISTRY)).getMessage());
        }
    }

    @Test
    void refusesNonFiniteParametersAndLeavesTheOldFileAlone(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("model.json");
        Files.writeString(file, "old");
        Network net = Network.fromParameters(new int[] {2, 1}, List.of(REGISTRY.activation("sigmoid")),
                REGISTRY.cost("quadratic"), List.of(Matrix.wrap(1, 2, new double[] {1.0, Double.NaN})),
                List.of(Matrix.of(1, 1)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelFile.write(file, new SavedModel(net, List.of())));
        assertEquals("cannot save " + file + ": the network has non-finite parameters", e.getMessage());
        assertEquals("old", Files.readString(file));
        assertEquals(List.of("model.json"), List.of(dir.toFile().list()));
    }
}
