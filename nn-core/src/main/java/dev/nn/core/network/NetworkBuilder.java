package dev.nn.core.network;

import dev.nn.core.registry.PluginRegistry;
import dev.nn.core.spi.Activation;
import dev.nn.core.spi.Cost;
import dev.nn.core.spi.WeightInitializer;
import java.util.Arrays;
import java.util.SplittableRandom;
import dev.nn.core.spi.Matrix;

/**
 * Builds a {@link Network}: {@code Network.of(784, 30, 10).seed(3).build()}.
 *
 * <p>Defaults are network2.py's: sigmoid on every layer, cross-entropy cost, the {@code default}
 * initializer, seed 0. Plugins may be given as instances or as ids, which are looked up in the
 * registry ({@link PluginRegistry#load()} unless one is given).
 */
public final class NetworkBuilder {

    private final int[] sizes;
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
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + p);
        }
        this.dropout = p;
        return this;
    }

    /** Draws the initial parameters, layer by layer, from one generator seeded with {@link #seed}. */
    public Network build() {
        Activation hiddenActivation = resolve(hidden, Activation.class);
        Activation outputActivation = output == null ? hiddenActivation : resolve(output, Activation.class);
        WeightInitializer init = resolve(initializer, WeightInitializer.class);
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
        return Network.fromMatrices(sizes, activations, resolve(cost, Cost.class), weights, biases, dropout);
    }

    private <T> T resolve(Object plugin, Class<T> type) {
        if (type.isInstance(plugin)) {
            return type.cast(plugin);
        }
        if (registry == null) {
            registry = PluginRegistry.load();
        }
        String id = (String) plugin;
        if (type == Activation.class) {
            return type.cast(registry.activation(id));
        }
        if (type == Cost.class) {
            return type.cast(registry.cost(id));
        }
        return type.cast(registry.initializer(id));
    }
}
