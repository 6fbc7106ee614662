package dev.nn.core.network;

import dev.nn.core.kernel.RowKernels;
import dev.nn.core.registry.PluginSpec;
import dev.nn.core.spi.Activation;
import dev.nn.core.spi.Cost;
import dev.nn.core.spi.Weights;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import dev.nn.core.spi.Matrix;

/**
 * A fully connected feedforward network: a sequence of layers ({@link #layers()}: dense layers,
 * each with an activation, and dropout after the hidden ones if asked for), a cost, and the
 * weights and biases, in float64.
 *
 * <p>Layer {@code l} (0-based, {@code 0 <= l < layerCount()}) maps the {@code sizes()[l]} outputs of
 * the layer below to {@code sizes()[l+1]} units; network2.py's {@code weights[l]} and
 * {@code biases[l]}. Accessors hand out copies. The parameters change only through a
 * {@link TrainingStep}; a network is not safe for use by several threads while one trains it.
 */
public final class Network {

    private final int[] sizes;
    private final Activation[] activations;
    private final Cost cost;
    /**
     * Layer l's weights, one array per input: {@code w[l][k][j]} is the book's {@code w[l][j][k]},
     * the weight from input k to unit j (rows of the transpose, so kernels run over units).
     */
    final double[][][] w;
    /** Layer l's biases. */
    final double[][] b;
    /** The dropout probability after every hidden layer; 0 for none. */
    private final double dropout;
    private final List<Layer> layers;

    /** Takes ownership of {@code w} and {@code b}. */
    Network(int[] sizes, Activation[] activations, Cost cost, double[][][] w, double[][] b, double dropout) {
        this.sizes = sizes.clone();
        this.activations = activations.clone();
        this.cost = Objects.requireNonNull(cost, "cost");
        this.w = w;
        this.b = b;
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        this.dropout = dropout;
        List<Layer> list = new java.util.ArrayList<>();
        for (int l = 0; l < activations.length; l++) {
            list.add(new DenseLayer(sizes[l + 1], activations[l]));
            if (dropout > 0 && l < activations.length - 1) {
                list.add(new DropoutLayer(dropout, sizes[l + 1]));
            }
        }
        this.layers = List.copyOf(list);
    }

    /** Converts network2.py-layout matrices (n_out x n_in, n_out x 1) to the internal rows. */
    static Network fromMatrices(int[] sizes, Activation[] activations, Cost cost, Matrix[] weights,
            Matrix[] biases, double dropout) {
        int layers = sizes.length - 1;
        double[][][] w = new double[layers][][];
        double[][] b = new double[layers][];
        for (int l = 0; l < layers; l++) {
            w[l] = new double[sizes[l]][sizes[l + 1]];
            for (int k = 0; k < sizes[l]; k++) {
                for (int j = 0; j < sizes[l + 1]; j++) {
                    w[l][k][j] = weights[l].get(j, k);
                }
            }
            b[l] = Arrays.copyOf(biases[l].data(), sizes[l + 1]);
        }
        return new Network(sizes, activations, cost, w, b, dropout);
    }

    /** Starts building a network with these layer sizes, input first, such as {@code of(784, 30, 10)}. */
    public static NetworkBuilder of(int... sizes) {
        return new NetworkBuilder(sizes);
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
        int layers = sizes.length - 1;
        if (activations.size() != layers || weights.size() != layers || biases.size() != layers) {
            throw new IllegalArgumentException("expected " + layers + " activations, weight matrices and bias vectors");
        }
        for (int l = 0; l < layers; l++) {
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
        return fromMatrices(sizes, activations.toArray(new Activation[0]), cost, weights.toArray(new Matrix[0]),
                biases.toArray(new Matrix[0]), dropout);
    }

    /** Returns the layer sizes, input first. */
    public int[] sizes() {
        return sizes.clone();
    }

    /**
     * Returns the layers in order: a {@link DenseLayer} for each weight layer, each hidden one
     * followed by a {@link DropoutLayer} when the network trains with dropout.
     */
    public List<Layer> layers() {
        return layers;
    }

    /** Returns the dropout probability after every hidden layer; 0 for none. */
    public double dropout() {
        return dropout;
    }

    /** Returns the number of weight layers, one less than the number of sizes. */
    public int layerCount() {
        return sizes.length - 1;
    }

    /** Returns the number of inputs. */
    public int inputSize() {
        return sizes[0];
    }

    /** Returns the number of outputs. */
    public int outputSize() {
        return sizes[sizes.length - 1];
    }

    /** Returns the activation of layer {@code l}. */
    public Activation activation(int l) {
        return activations[l];
    }

    /** Returns the activations, one per layer. */
    public List<Activation> activations() {
        return List.of(activations);
    }

    /** Returns the cost this network is trained with. */
    public Cost cost() {
        return cost;
    }

    /** Returns a copy of layer {@code l}'s weights, {@code n_out x n_in}: row j holds the weights into unit j. */
    public Matrix weights(int l) {
        Matrix m = Matrix.of(sizes[l + 1], sizes[l]);
        for (int k = 0; k < sizes[l]; k++) {
            for (int j = 0; j < sizes[l + 1]; j++) {
                m.set(j, k, w[l][k][j]);
            }
        }
        return m;
    }

    /**
     * Copies layer {@code l}'s weights into {@code dst} input by input, allocating nothing:
     * {@code dst[k * n_out + j]} is the weight from input k to unit j. For listeners that watch the
     * weights every mini-batch.
     *
     * @param dst at least {@code n_in * n_out} long. Modified.
     */
    public void copyWeights(int l, double[] dst) {
        int nOut = sizes[l + 1];
        for (int k = 0; k < w[l].length; k++) {
            System.arraycopy(w[l][k], 0, dst, k * nOut, nOut);
        }
    }

    /** Returns a copy of layer {@code l}'s biases, {@code n_out x 1}. */
    public Matrix biases(int l) {
        return Matrix.wrap(sizes[l + 1], 1, b[l].clone());
    }

    /**
     * Returns the output activations for a batch of inputs, one example per row.
     *
     * @param x {@code m x sizes()[0]}. Not modified.
     */
    public Matrix feedforward(Matrix x) {
        if (x.cols() != sizes[0]) {
            throw new IllegalArgumentException("input has " + x.cols() + " columns, the network takes " + sizes[0]);
        }
        ForwardPass pass = new ForwardPass(this, x.rows(), RowSplitter.SERIAL);
        pass.input().setTo(x);
        pass.run(x.rows());
        return pass.output().copy();
    }

    /**
     * Returns the regularization term of the cost for a data set of {@code n} examples:
     * {@code Σ_r Σ_layers r.penalty(layer, lambda_r / n)}; biases are not regularized.
     */
    public double penalty(List<Regularization> regularizations, int n) {
        double total = 0;
        for (Regularization r : regularizations) {
            if (r.lambda() == 0) {
                continue;
            }
            for (int l = 0; l < w.length; l++) {
                total += r.regularizer().penalty(Weights.of(w[l], sizes[l + 1]), r.lambda() / n);
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

    /** Returns true if every weight and bias is finite. */
    public boolean isFinite() {
        for (int l = 0; l < w.length; l++) {
            for (double[] row : w[l]) {
                if (!RowKernels.allFinite(row, row.length)) {
                    return false;
                }
            }
            if (!RowKernels.allFinite(b[l], b[l].length)) {
                return false;
            }
        }
        return true;
    }

    /** Returns a deep copy that shares only the (stateless) plugins. */
    public Network copy() {
        double[][][] wCopy = new double[w.length][][];
        double[][] bCopy = new double[b.length][];
        for (int l = 0; l < w.length; l++) {
            wCopy[l] = new double[w[l].length][];
            for (int k = 0; k < w[l].length; k++) {
                wCopy[l][k] = w[l][k].clone();
            }
            bCopy[l] = b[l].clone();
        }
        return new Network(sizes, activations, cost, wCopy, bCopy, dropout);
    }

    /** Overwrites this network's parameters with those of {@code other}, which must have the same sizes. */
    public void setParameters(Network other) {
        if (!Arrays.equals(sizes, other.sizes)) {
            throw new IllegalArgumentException("sizes differ: " + Arrays.toString(sizes) + " vs "
                    + Arrays.toString(other.sizes));
        }
        for (int l = 0; l < w.length; l++) {
            for (int k = 0; k < w[l].length; k++) {
                System.arraycopy(other.w[l][k], 0, w[l][k], 0, w[l][k].length);
            }
            System.arraycopy(other.b[l], 0, b[l], 0, b[l].length);
        }
    }

    /** Returns true if both networks have the same layers, plugins and bit-identical parameters. */
    public boolean sameAs(Network other) {
        if (!Arrays.equals(sizes, other.sizes) || !cost.id().equals(other.cost.id()) || dropout != other.dropout) {
            return false;
        }
        for (int l = 0; l < w.length; l++) {
            if (!PluginSpec.format(activations[l]).equals(PluginSpec.format(other.activations[l]))
                    || !Arrays.deepEquals(w[l], other.w[l])
                    || !Arrays.equals(b[l], other.b[l])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Network");
        s.append(Arrays.toString(sizes)).append(" activations=[");
        for (int l = 0; l < activations.length; l++) {
            s.append(l == 0 ? "" : ", ").append(PluginSpec.format(activations[l]));
        }
        s.append("] cost=").append(cost.id());
        return dropout > 0 ? s.append(" dropout=").append(dropout).toString() : s.toString();
    }
}
