package dev.nn.core.network;

import dev.nn.core.layer.Layer;
import dev.nn.core.layer.LayerSetup;
import dev.nn.core.layer.LayerType;
import dev.nn.core.layer.Shape;
import dev.nn.core.registry.PluginKind;
import dev.nn.core.registry.PluginRegistry;
import dev.nn.core.registry.PluginSpec;
import dev.nn.core.spi.Activation;
import dev.nn.core.spi.Cost;
import dev.nn.core.spi.Hyperparameter;
import dev.nn.core.spi.Matrix;
import dev.nn.core.spi.WeightInitializer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Builds a {@link Network}: network2.py's from layer sizes, {@code Network.of(784, 30, 10).seed(3).build()},
 * or any layers from their {@link NetSpec}, {@code Network.from(Shape.vector(784)).layers("dense:30,dense:10").build()}.
 *
 * <p>Defaults are network2.py's: sigmoid on every layer, cross-entropy cost, the {@code default}
 * initializer, seed 0. Plugins may be given as instances or as ids, which are looked up in the
 * registry ({@link PluginRegistry#load()} unless one is given).
 */
public final class NetworkBuilder {

    private final int[] sizes;
    private final Shape input;
    private NetSpec net;
    private PluginRegistry registry;
    private long seed;
    private Object hidden = "sigmoid";
    private Object output;
    private Object cost = "cross-entropy";
    private Object initializer = "default";
    private double dropout;

    NetworkBuilder(int[] sizes) {
        checkSizes(sizes);
        this.sizes = sizes.clone();
        this.input = null;
    }

    NetworkBuilder(Shape input) {
        this.sizes = null;
        this.input = java.util.Objects.requireNonNull(input, "input");
    }

    /** Sets the layers, for a builder from {@link Network#from}; see {@link NetSpec} for the syntax. */
    public NetworkBuilder layers(String net) {
        return layers(NetSpec.parse(net));
    }

    /** Sets the layers, for a builder from {@link Network#from}. */
    public NetworkBuilder layers(NetSpec net) {
        if (input == null) {
            throw new IllegalStateException("layers are given to a builder from Network.from(shape); this one has sizes");
        }
        this.net = net;
        return this;
    }

    static void checkSizes(int[] sizes) {
        if (sizes == null || sizes.length < 2) {
            throw new IllegalArgumentException("a network needs at least two layer sizes (inputs and outputs), got "
                    + Arrays.toString(sizes));
        }
        for (int size : sizes) {
            if (size < 1) {
                throw new IllegalArgumentException("layer sizes must be >= 1, got " + Arrays.toString(sizes));
            }
        }
    }

    /** Sets the seed of the initial weights: the same seed gives the same network, bit for bit. */
    public NetworkBuilder seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Sets the registry that resolves plugin ids. */
    public NetworkBuilder registry(PluginRegistry registry) {
        this.registry = registry;
        return this;
    }

    /** Sets the activation of every layer, or of the hidden layers when an output activation is set. */
    public NetworkBuilder activation(String id) {
        this.hidden = id;
        return this;
    }

    /** Sets the activation of every layer, or of the hidden layers when an output activation is set. */
    public NetworkBuilder activation(Activation activation) {
        this.hidden = activation;
        return this;
    }

    /** Sets the activation of the output layer. */
    public NetworkBuilder outputActivation(String id) {
        this.output = id;
        return this;
    }

    /** Sets the activation of the output layer. */
    public NetworkBuilder outputActivation(Activation activation) {
        this.output = activation;
        return this;
    }

    /** Sets the cost by id, such as {@code "cross-entropy"}. */
    public NetworkBuilder cost(String id) {
        this.cost = id;
        return this;
    }

    /** Sets the cost. */
    public NetworkBuilder cost(Cost cost) {
        this.cost = cost;
        return this;
    }

    /** Sets the weight initializer by id, such as {@code "large"}. */
    public NetworkBuilder initializer(String id) {
        this.initializer = id;
        return this;
    }

    /** Sets the weight initializer. */
    public NetworkBuilder initializer(WeightInitializer initializer) {
        this.initializer = initializer;
        return this;
    }

    /**
     * Adds a dropout layer after every hidden layer: in training each hidden unit is dropped with
     * probability {@code p} (0, the default, for none).
     */
    public NetworkBuilder dropout(double p) {
        if (input != null) {
            throw new IllegalStateException("a network from layers takes dropout layers, such as dropout:0.5");
        }
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + p);
        }
        this.dropout = p;
        return this;
    }

    /**
     * Draws the initial parameters, layer by layer, from one generator seeded with {@link #seed}.
     *
     * @throws IllegalArgumentException naming the layer if a setting or a shape does not fit
     */
    public Network build() {
        Activation hiddenActivation = resolve(hidden, Activation.class);
        Activation outputActivation = output == null ? hiddenActivation : resolve(output, Activation.class);
        WeightInitializer init = resolve(initializer, WeightInitializer.class);
        return input != null ? buildLayers(hiddenActivation, outputActivation, init)
                : buildDense(hiddenActivation, outputActivation, init);
    }

    private Network buildDense(Activation hiddenActivation, Activation outputActivation, WeightInitializer init) {
        int layers = sizes.length - 1;
        Activation[] activations = new Activation[layers];
        Matrix[] weights = new Matrix[layers];
        Matrix[] biases = new Matrix[layers];
        SplittableRandom random = new SplittableRandom(seed);
        for (int l = 0; l < layers; l++) {
            activations[l] = l == layers - 1 ? outputActivation : hiddenActivation;
            weights[l] = Matrix.of(sizes[l + 1], sizes[l]);
            biases[l] = Matrix.of(sizes[l + 1], 1);
            init.initialize(weights[l], biases[l], random);
        }
        return Network.dense(sizes, activations, resolve(cost, Cost.class), weights, biases, dropout);
    }

    private Network buildLayers(Activation hiddenActivation, Activation outputActivation, WeightInitializer init) {
        if (net == null) {
            throw new IllegalStateException("no layers given: call layers(...) before build()");
        }
        List<LayerType> types = new ArrayList<>();
        List<Activation> explicit = new ArrayList<>();
        int last = net.layers().size() - 1;
        for (int i = 0; i < net.layers().size(); i++) {
            NetSpec.Entry entry = net.layers().get(i);
            Resolved resolved = resolveLayer(entry, i);
            types.add(resolved.type());
            explicit.add(resolved.activation());
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<Layer> layers = new ArrayList<>();
        Shape in = input;
        for (int i = 0; i < types.size(); i++) {
            LayerType type = types.get(i);
            Activation activation = !type.takesActivation() ? null
                    : explicit.get(i) != null ? explicit.get(i)
                    : i == last ? outputActivation : hiddenActivation;
            Layer layer;
            try {
                int pooledBy = i < last ? types.get(i + 1).poolingArea() : 1;
                layer = type.create(new LayerSetup(in, activation, init, random, pooledBy));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("layer " + (i + 1) + " '" + net.layers().get(i) + "': " + e.getMessage(), e);
            }
            layers.add(layer);
            in = layer.outputShape();
        }
        return new Network(input, layers, resolve(cost, Cost.class));
    }

    /** Returns the type with its settings and the activation named, or null, for one layer as written. */
    private record Resolved(LayerType type, Activation activation) {
    }

    private Resolved resolveLayer(NetSpec.Entry entry, int i) {
        String where = "layer " + (i + 1) + " '" + entry + "': ";
        LayerType type;
        try {
            type = registry().get(PluginKind.LAYER, entry.type());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(where + e.getMessage(), e);
        }
        List<Hyperparameter> names = type.hyperparameters();
        Map<String, Double> values = new LinkedHashMap<>();
        Activation activation = null;
        int positional = 0;
        for (String setting : entry.settings()) {
            int eq = setting.indexOf('=');
            if (eq > 0 && setting.indexOf('(') < 0) {
                String name = setting.substring(0, eq).trim();
                values.put(name, number(setting.substring(eq + 1), where + name));
            } else if (isNumber(setting)) {
                if (positional >= names.size()) {
                    throw new IllegalArgumentException(where + entry.type() + " takes " + names.size()
                            + " number(s) (" + namesOf(names) + "), found another: " + setting);
                }
                values.put(names.get(positional++).name(), number(setting, where + names.get(positional - 1).name()));
            } else {
                if (!type.takesActivation()) {
                    throw new IllegalArgumentException(where + entry.type() + " takes no activation, found '" + setting + "'");
                }
                if (activation != null) {
                    throw new IllegalArgumentException(where + "two activations, " + PluginSpec.format(activation) + " and "
                            + setting);
                }
                String spec = setting.replaceFirst("\\((.*)\\)$", ":$1").replace(';', ',');
                try {
                    activation = registry().activation(spec);
                } catch (RuntimeException e) {
                    // conv:x:5 is more likely a mistyped number than a missing activation plugin
                    String numbers = positional < names.size() && setting.matches("[^:(=]*")
                            ? "'" + setting + "' is not a number (" + entry.type() + " takes " + namesOf(names)
                            + ") nor an activation: " : "";
                    throw new IllegalArgumentException(where + numbers + e.getMessage(), e);
                }
            }
        }
        for (String name : values.keySet()) {
            if (names.stream().noneMatch(h -> h.name().equals(name))) {
                throw new IllegalArgumentException(where + entry.type() + " has no setting '" + name + "'; it takes "
                        + (names.isEmpty() ? "none" : namesOf(names)));
            }
        }
        try {
            return new Resolved(values.isEmpty() ? type : (LayerType) type.withParameters(values), activation);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + e.getMessage(), e);
        }
    }

    private static String namesOf(List<Hyperparameter> names) {
        return String.join(", ", names.stream().map(Hyperparameter::name).toList());
    }

    private static boolean isNumber(String text) {
        try {
            Double.parseDouble(text.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static double number(String text, String what) {
        try {
            double v = Double.parseDouble(text.trim());
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(what + ": expected a number, found '" + text.trim() + "'");
    }

    private <T> T resolve(Object plugin, Class<T> type) {
        if (type.isInstance(plugin)) {
            return type.cast(plugin);
        }
        String id = (String) plugin;
        if (type == Activation.class) {
            return type.cast(registry().activation(id));
        }
        if (type == Cost.class) {
            return type.cast(registry().cost(id));
        }
        return type.cast(registry().initializer(id));
    }

    /** Returns the registry given, or the one {@link PluginRegistry#load()} discovers, loaded once. */
    private PluginRegistry registry() {
        if (registry == null) {
            registry = PluginRegistry.load();
        }
        return registry;
    }
}
