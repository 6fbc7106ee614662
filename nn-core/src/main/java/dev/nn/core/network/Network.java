package dev.nn.core.network;

import dev.nn.core.kernel.RowKernels;
import dev.nn.core.layer.Layer;
import dev.nn.core.layer.LayerSetup;
import dev.nn.core.layer.ParameterBlock;
import dev.nn.core.layer.Shape;
import dev.nn.core.plugins.layers.DenseType;
import dev.nn.core.plugins.layers.DropoutType;
import dev.nn.core.registry.PluginSpec;
import dev.nn.core.spi.Activation;
import dev.nn.core.spi.Cost;
import dev.nn.core.spi.Matrix;
import dev.nn.core.spi.Parameter;
import dev.nn.core.spi.Plugin;
import dev.nn.core.spi.Weights;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A feedforward network: an input shape, a list of {@link Layer}s, each owning its parameters, and
 * a cost, in float64. network2.py's networks are dense layers, each with an activation, and dropout
 * after the hidden ones if asked for ({@link #of}); any {@link dev.nn.core.layer.LayerType} plugin
 * adds others ({@link #from}).
 *
 * <p>The layers with parameters are numbered {@code 0 <= l < layerCount()}; for network2.py's
 * networks layer {@code l} maps the {@code sizes()[l]} outputs of the layer below to
 * {@code sizes()[l+1]} units, its {@code weights[l]} and {@code biases[l]}. Accessors hand out
 * copies. The parameters change only through a {@link TrainingStep}; a network is not safe for use
 * by several threads while one trains it.
 */
public final class Network {

    private final Shape input;
    private final List<Layer> layers;
    private final List<Layer> parameterLayers;
    private final Cost cost;
    private final int[] sizes;

    /** Checks that each layer takes the shape the one below gives. */
    Network(Shape input, List<Layer> layers, Cost cost) {
        this.input = Objects.requireNonNull(input, "input");
        this.layers = List.copyOf(layers);
        this.cost = Objects.requireNonNull(cost, "cost");
        if (this.layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one layer");
        }
        Shape in = input;
        List<Layer> withParameters = new ArrayList<>();
        for (int i = 0; i < this.layers.size(); i++) {
            Layer layer = this.layers.get(i);
            if (!layer.inputShape().equals(in)) {
                throw new IllegalArgumentException("layer " + i + " (" + layer.type().id() + ") takes " + layer.inputShape()
                        + " but gets " + in);
            }
            in = layer.outputShape();
            if (!layer.parameters().isEmpty()) {
                withParameters.add(layer);
            }
        }
        this.parameterLayers = List.copyOf(withParameters);
        this.sizes = new int[parameterLayers.size() + 1];
        sizes[0] = input.size();
        for (int l = 0; l < parameterLayers.size(); l++) {
            sizes[l + 1] = parameterLayers.get(l).outputShape().size();
        }
    }

    /** Starts building a network2.py network with these layer sizes, input first, such as {@code of(784, 30, 10)}. */
    public static NetworkBuilder of(int... sizes) {
        return new NetworkBuilder(sizes);
    }

    /**
     * Starts building a network of any layers for inputs of {@code input}, such as
     * {@code from(new Shape(1, 28, 28)).layers("dense:100,dropout:0.5,dense:10")}.
     */
    public static NetworkBuilder from(Shape input) {
        return new NetworkBuilder(input);
    }

    /**
     * Creates a network of these layers, as made by their types (the parameters are theirs).
     *
     * @throws IllegalArgumentException if a layer does not take the shape the one below gives
     */
    public static Network ofLayers(Shape input, List<Layer> layers, Cost cost) {
        return new Network(input, layers, cost);
    }

    /**
     * Creates a network from explicit parameters, as a loaded model file does.
     *
     * @param weights per layer, {@code n_out x n_in} (network2.py's layout). Not modified.
     * @param biases per layer, {@code n_out x 1}. Not modified.
     * @throws IllegalArgumentException if a shape does not match the sizes
     */
    public static Network fromParameters(int[] sizes, List<Activation> activations, Cost cost,
            List<Matrix> weights, List<Matrix> biases) {
        return fromParameters(sizes, activations, cost, weights, biases, 0);
    }

    /**
     * Creates a network from explicit parameters with a dropout layer of probability {@code dropout}
     * after every hidden layer (0 for none), as a loaded model file does.
     *
     * @throws IllegalArgumentException if a shape does not match the sizes, or dropout is not in [0, 1)
     */
    public static Network fromParameters(int[] sizes, List<Activation> activations, Cost cost,
            List<Matrix> weights, List<Matrix> biases, double dropout) {
        NetworkBuilder.checkSizes(sizes);
        int count = sizes.length - 1;
        if (activations.size() != count || weights.size() != count || biases.size() != count) {
            throw new IllegalArgumentException("expected " + count + " activations, weight matrices and bias vectors");
        }
        for (int l = 0; l < count; l++) {
            Matrix w = weights.get(l);
            if (w.rows() != sizes[l + 1] || w.cols() != sizes[l]) {
                throw new IllegalArgumentException("weights[" + l + "] is " + w.rows() + "x" + w.cols() + ", expected "
                        + sizes[l + 1] + "x" + sizes[l]);
            }
            if (biases.get(l).size() != sizes[l + 1]) {
                throw new IllegalArgumentException("biases[" + l + "] has " + biases.get(l).size()
                        + " values, expected " + sizes[l + 1]);
            }
        }
        return dense(sizes, activations.toArray(new Activation[0]), cost,
                weights.toArray(new Matrix[0]), biases.toArray(new Matrix[0]), dropout);
    }

    /** Makes network2.py's layers (dense, each hidden one followed by dropout if p > 0) with these parameters. */
    static Network dense(int[] sizes, Activation[] activations, Cost cost, Matrix[] weights, Matrix[] biases,
            double dropout) {
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        List<Layer> layers = new ArrayList<>();
        SplittableRandom unused = new SplittableRandom(0);
        for (int l = 0; l < activations.length; l++) {
            Shape in = Shape.vector(sizes[l]);
            layers.add(new DenseType(sizes[l + 1]).create(
                    new LayerSetup(in, activations[l], new GivenParameters(weights[l], biases[l]), unused)));
            if (dropout > 0 && l < activations.length - 1) {
                layers.add(new DropoutType(dropout).create(
                        new LayerSetup(Shape.vector(sizes[l + 1]), null, GivenParameters.NONE, unused)));
            }
        }
        return new Network(Shape.vector(sizes[0]), layers, cost);
    }

    /** Returns the sizes: the input's, then the output size of each layer with parameters. */
    public int[] sizes() {
        return sizes.clone();
    }

    /** Returns the shape of one example's input. */
    public Shape inputShape() {
        return input;
    }

    /** Returns the layers in order. */
    public List<Layer> layers() {
        return layers;
    }

    /** Returns the {@code l}-th layer with parameters. */
    public Layer parameterLayer(int l) {
        return parameterLayers.get(l);
    }

    /**
     * Returns the probability of the built-in {@code dropout} layers (network2.py's networks have
     * one after every hidden layer, all alike); 0 for none.
     */
    public double dropout() {
        for (Layer layer : layers) {
            if (layer.type() instanceof DropoutType dropout) {
                return dropout.p();
            }
        }
        return 0;
    }

    /**
     * Copies saved parameters into the network, each block by name into the layer of the same
     * position (as a checkpoint keeps them: {@code blocks.get(l)} for {@link #parameterLayer}(l)).
     *
     * @throws IllegalArgumentException naming the layer and block if a layer or block is missing,
     *     left over or of another shape
     */
    public void setParameterBlocks(List<List<ParameterBlock>> blocks) {
        if (blocks.size() != layerCount()) {
            throw new IllegalArgumentException("expected the parameters of " + layerCount() + " layers, got "
                    + blocks.size());
        }
        for (int l = 0; l < layerCount(); l++) {
            List<ParameterBlock> own = parameterLayers.get(l).parameters();
            if (blocks.get(l).size() != own.size()) {
                throw new IllegalArgumentException("layer " + l + " has " + own.size() + " parameter blocks, got "
                        + blocks.get(l).size());
            }
            for (ParameterBlock saved : blocks.get(l)) {
                int i = ParameterBlock.indexOf(own, saved.name());
                if (i < 0) {
                    throw new IllegalArgumentException("layer " + l + " has no parameters named " + saved.name());
                }
                try {
                    own.get(i).setRows(saved.rows());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("layer " + l + ": " + e.getMessage(), e);
                }
            }
        }
    }

    /** Returns the number of layers with parameters, one less than the number of sizes. */
    public int layerCount() {
        return parameterLayers.size();
    }

    /** Returns the number of inputs. */
    public int inputSize() {
        return sizes[0];
    }

    /** Returns the number of outputs. */
    public int outputSize() {
        return layers.get(layers.size() - 1).outputShape().size();
    }

    /** Returns the activation of the {@code l}-th layer with parameters; null if it takes none. */
    public Activation activation(int l) {
        return parameterLayers.get(l).activation();
    }

    /** Returns the activations of the layers with parameters, in order (null for a layer without). */
    public List<Activation> activations() {
        List<Activation> list = new ArrayList<>();
        for (Layer layer : parameterLayers) {
            list.add(layer.activation());
        }
        return Collections.unmodifiableList(list);
    }

    /** Returns the cost this network is trained with. */
    public Cost cost() {
        return cost;
    }

    /** Returns the block named {@code name} of the {@code l}-th layer with parameters. */
    private ParameterBlock block(int l, String name) {
        List<ParameterBlock> blocks = parameterLayers.get(l).parameters();
        int i = ParameterBlock.indexOf(blocks, name);
        if (i >= 0) {
            return blocks.get(i);
        }
        throw new IllegalArgumentException("layer " + l + " (" + parameterLayers.get(l).type().id() + ") has no " + name);
    }

    /** Returns a copy of layer {@code l}'s weights, {@code n_out x n_in}: row j holds the weights into unit j. */
    public Matrix weights(int l) {
        return block(l, Parameter.WEIGHTS).byUnit();
    }

    /**
     * Copies layer {@code l}'s weights into {@code dst} input by input, allocating nothing:
     * {@code dst[k * n_out + j]} is the weight from input k to unit j. For listeners that watch the
     * weights every mini-batch.
     *
     * @param dst at least {@code n_in * n_out} long. Modified.
     */
    public void copyWeights(int l, double[] dst) {
        double[][] rows = block(l, Parameter.WEIGHTS).rows();
        for (int k = 0; k < rows.length; k++) {
            System.arraycopy(rows[k], 0, dst, k * rows[k].length, rows[k].length);
        }
    }

    /** Returns a copy of layer {@code l}'s biases, {@code n_out x 1}. */
    public Matrix biases(int l) {
        double[] b = block(l, Parameter.BIASES).rows()[0];
        return Matrix.wrap(b.length, 1, b.clone());
    }

    /**
     * Returns the output activations for a batch of inputs, one example per row.
     *
     * @param x {@code m x inputSize()}. Not modified.
     */
    public Matrix feedforward(Matrix x) {
        if (x.cols() != inputSize()) {
            throw new IllegalArgumentException("input has " + x.cols() + " columns, the network takes " + inputSize());
        }
        ForwardPass pass = new ForwardPass(this, x.rows(), RowSplitter.SERIAL);
        pass.input().setTo(x);
        pass.run(x.rows());
        return pass.output().copy();
    }

    /**
     * Returns the regularization term of the cost for a data set of {@code n} examples:
     * {@code Σ_r Σ_blocks r.penalty(block, lambda_r / n)} over the regularized blocks (weights;
     * biases are not regularized).
     */
    public double penalty(List<Regularization> regularizations, int n) {
        double total = 0;
        for (Regularization r : regularizations) {
            if (r.lambda() == 0) {
                continue;
            }
            for (Layer layer : parameterLayers) {
                for (ParameterBlock block : layer.parameters()) {
                    if (block.regularized()) {
                        total += r.regularizer().penalty(Weights.of(block.rows(), block.cols()), r.lambda() / n);
                    }
                }
            }
        }
        return total;
    }

    /** Creates the workspace that trains this network in place, for mini-batches of up to {@code maxBatch}. */
    public TrainingStep newTrainingStep(int maxBatch) {
        return newTrainingStep(maxBatch, 1);
    }

    /**
     * Creates the workspace that trains this network in place, sharing each batch's work among
     * {@code threads} threads; the results are bit-identical for any number of threads. Close it
     * to stop its threads.
     */
    public TrainingStep newTrainingStep(int maxBatch, int threads) {
        return newTrainingStep(maxBatch, threads, StepSettings.SGD);
    }

    /**
     * Creates the workspace that trains this network in place with an update rule and dropout,
     * sharing each batch's work among {@code threads} threads (the same bits for any number); the
     * rule's state is allocated here, once. Close it to stop its threads.
     */
    public TrainingStep newTrainingStep(int maxBatch, int threads, StepSettings settings) {
        return new TrainingStep(this, maxBatch, RowSplitter.forTraining(threads), settings);
    }

    /** Returns true if every parameter is finite. */
    public boolean isFinite() {
        for (Layer layer : parameterLayers) {
            for (ParameterBlock block : layer.parameters()) {
                for (double[] row : block.rows()) {
                    if (!RowKernels.allFinite(row, row.length)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Returns a deep copy that shares only the (stateless) plugins. */
    public Network copy() {
        List<Layer> copies = new ArrayList<>();
        for (Layer layer : layers) {
            copies.add(layer.copy());
        }
        return new Network(input, copies, cost);
    }

    /** Overwrites this network's parameters with those of {@code other}, which must have the same layers. */
    public void setParameters(Network other) {
        if (!sameLayers(other)) {
            throw new IllegalArgumentException("layers differ: " + this + " vs " + other);
        }
        for (int l = 0; l < parameterLayers.size(); l++) {
            List<ParameterBlock> mine = parameterLayers.get(l).parameters();
            List<ParameterBlock> theirs = other.parameterLayers.get(l).parameters();
            for (int i = 0; i < mine.size(); i++) {
                mine.get(i).setRows(theirs.get(i).rows());
            }
        }
    }

    /**
     * Overwrites the weights and biases of every layer with parameters, given as {@link #weights} and
     * {@link #biases} return them (an empty matrix for a layer without such a block), as a checkpoint
     * holds them.
     *
     * @throws IllegalArgumentException naming the layer if a count or a shape differs, or a layer has
     *     parameters other than weights and biases
     */
    public void setWeightsAndBiases(List<Matrix> weights, List<Matrix> biases) {
        if (weights.size() != layerCount() || biases.size() != layerCount()) {
            throw new IllegalArgumentException("expected weights and biases of " + layerCount() + " layers, got "
                    + weights.size() + " and " + biases.size());
        }
        for (int l = 0; l < layerCount(); l++) {
            for (ParameterBlock block : parameterLayers.get(l).parameters()) {
                double[][] rows = block.rows();
                if (block.name().equals(Parameter.WEIGHTS)) {
                    try {
                        block.setByUnit(weights.get(l));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("layer " + l + ": " + e.getMessage(), e);
                    }
                } else if (block.name().equals(Parameter.BIASES)) {
                    Matrix b = biases.get(l);
                    if (b.size() != block.cols()) {
                        throw new IllegalArgumentException("biases[" + l + "] has " + b.size() + " values, expected "
                                + block.cols());
                    }
                    System.arraycopy(b.data(), 0, rows[0], 0, block.cols());
                } else {
                    throw new IllegalArgumentException("layer " + l + " (" + parameterLayers.get(l).type().id()
                            + ") has parameters other than weights and biases: " + block.name());
                }
            }
        }
    }

    private boolean sameLayers(Network other) {
        if (!input.equals(other.input) || layers.size() != other.layers.size()) {
            return false;
        }
        for (int i = 0; i < layers.size(); i++) {
            Layer a = layers.get(i);
            Layer b = other.layers.get(i);
            if (!samePlugin(a.type(), b.type()) || !samePlugin(a.activation(), b.activation())
                    || !a.inputShape().equals(b.inputShape())) {
                return false;
            }
        }
        return true;
    }

    /** Returns true if both networks have the same layers, plugins and bit-identical parameters. */
    public boolean sameAs(Network other) {
        if (!sameLayers(other) || !samePlugin(cost, other.cost)) {
            return false;
        }
        for (int l = 0; l < parameterLayers.size(); l++) {
            List<ParameterBlock> mine = parameterLayers.get(l).parameters();
            List<ParameterBlock> theirs = other.parameterLayers.get(l).parameters();
            for (int i = 0; i < mine.size(); i++) {
                if (!mine.get(i).name().equals(theirs.get(i).name())
                        || !Arrays.deepEquals(mine.get(i).rows(), theirs.get(i).rows())) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Returns true if both are null, or of the same id with the same hyperparameters (what their specs say). */
    private static boolean samePlugin(Plugin a, Plugin b) {
        return a == b || a != null && b != null && a.id().equals(b.id()) && a.hyperparameters().equals(b.hyperparameters());
    }

    /** Returns the layer's type with its settings, and its activation if it has one. */
    private static String describe(Layer layer) {
        String type = PluginSpec.format(layer.type());
        return layer.activation() == null ? type : type + " " + PluginSpec.format(layer.activation());
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Network ").append(input);
        for (Layer layer : layers) {
            s.append(" -> ").append(describe(layer));
        }
        return s.append(" cost=").append(PluginSpec.format(cost)).toString();
    }
}
