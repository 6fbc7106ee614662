package dev.nn.core.io;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.nn.core.layer.Layer;
import dev.nn.core.layer.LayerSetup;
import dev.nn.core.layer.LayerType;
import dev.nn.core.layer.ParameterBlock;
import dev.nn.core.layer.Shape;
import dev.nn.core.network.Network;
import dev.nn.core.network.Regularization;
import dev.nn.core.registry.PluginException;
import dev.nn.core.registry.PluginKind;
import dev.nn.core.registry.PluginRegistry;
import dev.nn.core.spi.Activation;
import dev.nn.core.spi.Cost;
import dev.nn.core.spi.Matrix;
import dev.nn.core.spi.Parameter;
import dev.nn.core.spi.WeightInitializer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Parses and validates one model file; every error names the file and the field. */
final class ModelReader {

    private final Path path;
    private final PluginRegistry registry;

    ModelReader(Path path, PluginRegistry registry) {
        this.path = path;
        this.registry = registry;
    }

    SavedModel read() throws IOException {
        JsonObject root = parse();
        if (root.has("formatVersion")) {
            int version = integer(root.get("formatVersion"), "formatVersion");
            if (version != ModelFile.VERSION) {
                throw error("formatVersion", "expected " + ModelFile.VERSION + ", found " + version);
            }
        }
        if (!root.has("sizes") && !root.has("weights") && !root.has("layers")) {
            throw new ModelFormatException(path + ": not a model file (it has none of sizes, weights, layers; nn train"
                    + " writes one as model.json)");
        }
        int[] sizes = sizes(array(root, "sizes"));
        int layers = sizes.length - 1;
        checkPluginsInstalled(root);
        Cost cost = cost(root);
        String updateRule = root.has("updateRule") ? string(root.get("updateRule"), "updateRule") : "sgd";
        if (root.has("layers")) {
            Network net = fromLayers(root, sizes, cost);
            return new SavedModel(net, regularization(root), updateRule);
        }
        List<Activation> activations = activations(root, layers);
        JsonArray weights = array(root, "weights");
        JsonArray biases = array(root, "biases");
        expectLength(weights, layers, "weights", "one matrix per layer");
        expectLength(biases, layers, "biases", "one vector per layer");
        List<Matrix> w = new ArrayList<>();
        List<Matrix> b = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            w.add(matrix(weights.get(l), "weights[" + l + "]", sizes[l + 1], sizes[l]));
            b.add(biasVector(biases.get(l), "biases[" + l + "]", sizes[l + 1]));
        }
        double dropout = root.has("dropout") ? number(root.get("dropout"), "dropout") : 0;
        if (!(dropout >= 0 && dropout < 1)) {
            throw error("dropout", "expected a probability in [0, 1), found " + dropout);
        }
        Network net = Network.fromParameters(sizes, activations, cost, w, b, dropout);
        return new SavedModel(net, regularization(root), updateRule);
    }

    /**
     * Throws, listing them all, if plugins the model names are not installed; a name that is not a
     * plugin id at all (a number) is refused as the field it is in.
     */
    private void checkPluginsInstalled(JsonObject root) throws IOException {
        Map<String, List<String>> missing = new LinkedHashMap<>();
        if (root.has("activations") && root.get("activations").isJsonArray()) {
            JsonArray ids = root.getAsJsonArray("activations");
            for (int i = 0; i < ids.size(); i++) {
                missing(PluginKind.ACTIVATION, ids.get(i), "activations[" + i + "]", missing);
            }
        }
        if (root.has("layers") && root.get("layers").isJsonArray()) {
            JsonArray layers = root.getAsJsonArray("layers");
            for (int i = 0; i < layers.size(); i++) {
                if (layers.get(i).isJsonObject()) {
                    JsonObject entry = layers.get(i).getAsJsonObject();
                    if (entry.has("type")) {
                        missing(PluginKind.LAYER, entry.get("type"), "layers[" + i + "].type", missing);
                    }
                    if (entry.has("activation")) {
                        missing(PluginKind.ACTIVATION, entry.get("activation"), "layers[" + i + "].activation", missing);
                    }
                }
            }
        }
        if (root.has("costId")) {
            missing(PluginKind.COST, root.get("costId"), "costId", missing);
        }
        if (root.has("regularization") && root.get("regularization").isJsonArray()) {
            JsonArray terms = root.getAsJsonArray("regularization");
            for (int i = 0; i < terms.size(); i++) {
                if (terms.get(i).isJsonObject() && terms.get(i).getAsJsonObject().has("id")) {
                    missing(PluginKind.REGULARIZER, terms.get(i).getAsJsonObject().get("id"), "regularization[" + i
                            + "].id", missing);
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new MissingPluginsException(path.toString(), missing);
        }
    }

    private void missing(PluginKind<?> kind, JsonElement id, String field, Map<String, List<String>> missing)
            throws ModelFormatException {
        String plain = id.isJsonPrimitive() && id.getAsJsonPrimitive().isString()
                ? id.getAsString().replaceFirst(":.*", "") : null;
        if (plain == null || !dev.nn.core.spi.Plugin.isValidId(plain)) {
            throw error(field, "expected the name of " + ("aeiou".indexOf(kind.word().charAt(0)) >= 0 ? "an " : "a ")
                    + kind.word() + ", found " + id);
        }
        if (!registry.has(kind, id.getAsString())) {
            List<String> ids = missing.computeIfAbsent(kind.word(), k -> new ArrayList<>());
            if (!ids.contains(plain)) {
                ids.add(plain);
            }
        }
    }

    /**
     * Makes the network from the {@code layers} key, the source of truth: each layer from its type
     * and settings, its parameters from {@code weights}, {@code biases} and its own {@code parameters}.
     */
    private Network fromLayers(JsonObject root, int[] sizes, Cost cost) throws ModelFormatException {
        JsonArray entries = array(root, "layers");
        Shape input = root.has("inputShape") ? shape(array(root, "inputShape")) : Shape.vector(sizes[0]);
        if (input.size() != sizes[0]) {
            throw error("inputShape", "expected " + sizes[0] + " values (sizes[0]), found " + input);
        }
        Shape in = input;
        JsonArray weights = array(root, "weights");
        JsonArray biases = array(root, "biases");
        List<Layer> layers = new ArrayList<>();
        List<JsonObject> withParameters = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        SplittableRandom unused = new SplittableRandom(0);
        for (int i = 0; i < entries.size(); i++) {
            String field = "layers[" + i + "]";
            if (!entries.get(i).isJsonObject()) {
                throw error(field, "expected an object {\"type\": ..., ...}, found " + describe(entries.get(i)));
            }
            JsonObject entry = entries.get(i).getAsJsonObject();
            Layer layer = layer(entry, field, in, unused);
            layers.add(layer);
            in = layer.outputShape();
            if (!layer.parameters().isEmpty()) {
                withParameters.add(entry);
                positions.add(i);
            }
        }
        int count = withParameters.size();
        expectLength(weights, count, "weights", "one matrix per layer with parameters");
        expectLength(biases, count, "biases", "one vector per layer with parameters");
        int l = 0;
        for (Layer layer : layers) {
            if (layer.parameters().isEmpty()) {
                continue;
            }
            for (ParameterBlock block : layer.parameters()) {
                if (block.name().equals(Parameter.WEIGHTS)) {
                    block.setByUnit(matrix(weights.get(l), "weights[" + l + "]", block.cols(), block.rows().length));
                } else if (block.name().equals(Parameter.BIASES)) {
                    Matrix b = biasVector(biases.get(l), "biases[" + l + "]", block.cols());
                    System.arraycopy(b.data(), 0, block.rows()[0], 0, block.cols());
                } else {
                    String field = "layers[" + positions.get(l) + "].parameters." + block.name();
                    JsonObject own = withParameters.get(l).has("parameters")
                            && withParameters.get(l).get("parameters").isJsonObject()
                            ? withParameters.get(l).getAsJsonObject("parameters") : new JsonObject();
                    Matrix m = matrix(required(own, block.name(), field), field, block.rows().length, block.cols());
                    for (int r = 0; r < block.rows().length; r++) {
                        System.arraycopy(m.data(), r * block.cols(), block.rows()[r], 0, block.cols());
                    }
                }
            }
            l++;
        }
        Network net;
        try {
            net = Network.ofLayers(input, layers, cost);
        } catch (IllegalArgumentException e) {
            throw error("layers", e.getMessage());
        }
        if (!java.util.Arrays.equals(net.sizes(), sizes)) {
            throw error("sizes", "expected " + java.util.Arrays.toString(net.sizes()) + " (from layers), found "
                    + java.util.Arrays.toString(sizes));
        }
        if (root.has("activations")) {
            // the summary beside the layers must say what they say: a changed one would be read one way here and
            // another by a reader of the summary
            List<String> expected = ModelFile.activationIds(net);
            List<String> found = new ArrayList<>();
            for (JsonElement id : array(root, "activations")) {
                found.add(id.isJsonPrimitive() ? id.getAsString() : id.isJsonNull() ? null : id.toString());
            }
            if (!expected.equals(found)) {
                throw error("activations", "expected " + expected + " (from layers), found " + found);
            }
        }
        return net;
    }

    /** One layer from its entry, with zero parameters. */
    private Layer layer(JsonObject entry, String field, Shape in, SplittableRandom unused) throws ModelFormatException {
        String id = string(required(entry, "type", field + ".type"), field + ".type");
        LayerType type;
        try {
            type = registry.get(PluginKind.LAYER, id);
        } catch (PluginException e) {
            throw error(field + ".type", e.getMessage());
        }
        Map<String, Double> values = new LinkedHashMap<>();
        for (var h : type.hyperparameters()) {
            if (entry.has(h.name())) {
                values.put(h.name(), number(entry.get(h.name()), field + "." + h.name()));
            }
        }
        Activation activation = null;
        if (type.takesActivation()) {
            String spec = string(required(entry, "activation", field + ".activation"), field + ".activation");
            activation = lookupActivation(spec, field + ".activation");
        }
        Layer layer;
        try {
            LayerType configured = values.isEmpty() ? type : (LayerType) type.withParameters(values);
            layer = configured.create(new LayerSetup(in, activation, ZEROS, unused));
        } catch (IllegalArgumentException e) {
            throw error(field, e.getMessage());
        }
        if (entry.has("units") && integer(entry.get("units"), field + ".units") != layer.outputShape().size()) {
            throw error(field + ".units", "expected " + layer.outputShape().size() + " (the layer's output), found "
                    + entry.get("units"));
        }
        return layer;
    }

    private Shape shape(JsonArray array) throws ModelFormatException {
        expectLength(array, 3, "inputShape", "channels, height, width");
        int[] dims = new int[3];
        for (int i = 0; i < 3; i++) {
            dims[i] = integer(array.get(i), "inputShape[" + i + "]");
            if (dims[i] < 1) {
                throw error("inputShape[" + i + "]", "expected a size >= 1, found " + dims[i]);
            }
        }
        return new Shape(dims[0], dims[1], dims[2]);
    }

    /** Leaves the parameters at zero: the file's values are set after. */
    private static final WeightInitializer ZEROS = new WeightInitializer() {
        @Override
        public String id() {
            return "zeros";
        }

        @Override
        public void initialize(Matrix weights, Matrix biases, SplittableRandom random) {
        }
    };

    private JsonObject parse() throws IOException {
        return JsonFiles.readObject(path, "model file");
    }

    private int[] sizes(JsonArray array) throws ModelFormatException {
        if (array.size() < 2) {
            throw error("sizes", "expected at least 2 layer sizes, found " + array.size());
        }
        int[] sizes = new int[array.size()];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = integer(array.get(i), "sizes[" + i + "]");
            if (sizes[i] < 1) {
                throw error("sizes[" + i + "]", "expected a size >= 1, found " + sizes[i]);
            }
        }
        return sizes;
    }

    private Cost cost(JsonObject root) throws ModelFormatException {
        String id = root.has("costId") ? string(root.get("costId"), "costId")
                : Network2Names.costId(string(required(root, "cost"), "cost"));
        try {
            return registry.cost(id);
        } catch (PluginException e) {
            throw error(root.has("costId") ? "costId" : "cost", e.getMessage());
        }
    }

    private List<Activation> activations(JsonObject root, int layers) throws ModelFormatException {
        List<Activation> activations = new ArrayList<>();
        if (!root.has("activations")) {
            for (int l = 0; l < layers; l++) {
                activations.add(lookupActivation("sigmoid", "activations"));
            }
            return activations;
        }
        JsonArray ids = array(root, "activations");
        expectLength(ids, layers, "activations", "one id per layer");
        for (int l = 0; l < layers; l++) {
            String field = "activations[" + l + "]";
            activations.add(lookupActivation(string(ids.get(l), field), field));
        }
        return activations;
    }

    private Activation lookupActivation(String id, String field) throws ModelFormatException {
        try {
            return registry.activation(id);
        } catch (PluginException e) {
            throw error(field, e.getMessage());
        }
    }

    private List<Regularization> regularization(JsonObject root) throws ModelFormatException {
        List<Regularization> list = new ArrayList<>();
        if (!root.has("regularization")) {
            return list;
        }
        JsonArray entries = array(root, "regularization");
        for (int i = 0; i < entries.size(); i++) {
            String field = "regularization[" + i + "]";
            if (!entries.get(i).isJsonObject()) {
                throw error(field, "expected an object {\"id\": ..., \"lambda\": ...}, found " + describe(entries.get(i)));
            }
            JsonObject entry = entries.get(i).getAsJsonObject();
            String id = string(required(entry, "id", field + ".id"), field + ".id");
            double lambda = number(required(entry, "lambda", field + ".lambda"), field + ".lambda");
            if (lambda < 0) {
                throw error(field + ".lambda", "expected a number >= 0, found " + lambda);
            }
            try {
                list.add(new Regularization(registry.regularizer(id), lambda));
            } catch (PluginException e) {
                throw error(field + ".id", e.getMessage());
            }
        }
        return list;
    }

    private Matrix matrix(JsonElement element, String field, int rows, int cols) throws ModelFormatException {
        JsonArray array = asArray(element, field);
        expectLength(array, rows, field, "one row per unit (sizes[l+1])");
        Matrix m = Matrix.of(rows, cols);
        for (int j = 0; j < rows; j++) {
            JsonArray row = asArray(array.get(j), field + "[" + j + "]");
            expectLength(row, cols, field + "[" + j + "]", "one weight per input (sizes[l])");
            for (int k = 0; k < cols; k++) {
                m.set(j, k, number(row.get(k), field + "[" + j + "][" + k + "]"));
            }
        }
        return m;
    }

    private Matrix biasVector(JsonElement element, String field, int rows) throws ModelFormatException {
        JsonArray array = asArray(element, field);
        expectLength(array, rows, field, "one bias per unit (sizes[l+1])");
        Matrix b = Matrix.of(rows, 1);
        for (int j = 0; j < rows; j++) {
            JsonElement value = array.get(j);
            String at = field + "[" + j + "]";
            if (value.isJsonArray()) {
                JsonArray column = value.getAsJsonArray();
                expectLength(column, 1, at, "a column vector entry [b]");
                value = column.get(0);
                at = at + "[0]";
            }
            b.set(j, 0, number(value, at));
        }
        return b;
    }

    private JsonElement required(JsonObject object, String key) throws ModelFormatException {
        return required(object, key, key);
    }

    private JsonElement required(JsonObject object, String key, String field) throws ModelFormatException {
        if (!object.has(key) || object.get(key).isJsonNull()) {
            throw error(field, "missing");
        }
        return object.get(key);
    }

    private JsonArray array(JsonObject object, String key) throws ModelFormatException {
        return asArray(required(object, key), key);
    }

    private JsonArray asArray(JsonElement element, String field) throws ModelFormatException {
        if (!element.isJsonArray()) {
            throw error(field, "expected an array, found " + describe(element));
        }
        return element.getAsJsonArray();
    }

    private void expectLength(JsonArray array, int length, String field, String what) throws ModelFormatException {
        if (array.size() != length) {
            throw error(field, "expected " + length + " entries (" + what + "), found " + array.size());
        }
    }

    private double number(JsonElement element, String field) throws ModelFormatException {
        if (element.isJsonPrimitive() && element.getAsJsonPrimitive().isString()
                && List.of("NaN", "Infinity", "-Infinity").contains(element.getAsString())) {
            throw error(field, "expected a finite number, found " + element.getAsString());
        }
        if (!element.isJsonPrimitive() || !element.getAsJsonPrimitive().isNumber()) {
            throw error(field, "expected a number, found " + describe(element));
        }
        double value;
        try {
            value = element.getAsDouble();
        } catch (NumberFormatException e) {
            throw error(field, "expected a number, found " + element);
        }
        if (!Double.isFinite(value)) {
            throw error(field, "expected a finite number, found " + element);
        }
        return value;
    }

    private int integer(JsonElement element, String field) throws ModelFormatException {
        double value = number(element, field);
        if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
            throw error(field, "expected a whole number, found " + element);
        }
        return (int) value;
    }

    private String string(JsonElement element, String field) throws ModelFormatException {
        if (!element.isJsonPrimitive() || !element.getAsJsonPrimitive().isString()) {
            throw error(field, "expected a string, found " + describe(element));
        }
        return element.getAsString();
    }

    private static String describe(JsonElement element) {
        if (element.isJsonArray()) {
            return "an array";
        }
        if (element.isJsonObject()) {
            return "an object";
        }
        if (element.isJsonNull()) {
            return "null";
        }
        JsonPrimitive p = element.getAsJsonPrimitive();
        return p.isString() ? "the string \"" + p.getAsString() + "\"" : p.toString();
    }

    private ModelFormatException error(String field, String problem) {
        return new ModelFormatException(path + ": " + field + ": " + problem);
    }
}
