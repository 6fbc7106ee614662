package dev.nn.core.network;

import dev.nn.core.kernel.DenseKernels;
import dev.nn.core.spi.Activation;
import dev.nn.core.spi.Cost;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * A fully connected feedforward network: layer sizes, an activation per layer, a cost, and the
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
    /** Layer l's weights transposed, n_in x n_out: {@code weightsT[l][k][j] = w[l][j][k]} of the book. */
    final DMatrixRMaj[] weightsT;
    /** Layer l's biases as a row, 1 x n_out. */
    final DMatrixRMaj[] biases;

    Network(int[] sizes, Activation[] activations, Cost cost, DMatrixRMaj[] weightsT, DMatrixRMaj[] biases) {
        this.sizes = sizes.clone();
        this.activations = activations.clone();
        this.cost = Objects.requireNonNull(cost, "cost");
        this.weightsT = weightsT;
        this.biases = biases;
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
            List<DMatrixRMaj> weights, List<DMatrixRMaj> biases) {
        NetworkBuilder.checkSizes(sizes);
        int layers = sizes.length - 1;
        if (activations.size() != layers || weights.size() != layers || biases.size() != layers) {
            throw new IllegalArgumentException("expected " + layers + " activations, weight matrices and bias vectors");
        }
        DMatrixRMaj[] wT = new DMatrixRMaj[layers];
        DMatrixRMaj[] b = new DMatrixRMaj[layers];
        for (int l = 0; l < layers; l++) {
            DMatrixRMaj w = weights.get(l);
            if (w.numRows != sizes[l + 1] || w.numCols != sizes[l]) {
                throw new IllegalArgumentException("weights[" + l + "] is " + w.numRows + "x" + w.numCols + ", expected "
                        + sizes[l + 1] + "x" + sizes[l]);
            }
            if (biases.get(l).getNumElements() != sizes[l + 1]) {
                throw new IllegalArgumentException("biases[" + l + "] has " + biases.get(l).getNumElements()
                        + " values, expected " + sizes[l + 1]);
            }
            wT[l] = CommonOps_DDRM.transpose(w, null);
            b[l] = new DMatrixRMaj(1, sizes[l + 1], true, Arrays.copyOf(biases.get(l).data, sizes[l + 1]));
        }
        return new Network(sizes, activations.toArray(new Activation[0]), cost, wT, b);
    }

    /** Returns the layer sizes, input first. */
    public int[] sizes() {
        return sizes.clone();
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
    public DMatrixRMaj weights(int l) {
        return CommonOps_DDRM.transpose(weightsT[l], null);
    }

    /** Returns a copy of layer {@code l}'s biases, {@code n_out x 1}. */
    public DMatrixRMaj biases(int l) {
        return new DMatrixRMaj(sizes[l + 1], 1, true, biases[l].data.clone());
    }

    /**
     * Returns the output activations for a batch of inputs, one example per row.
     *
     * @param x {@code m x sizes()[0]}. Not modified.
     */
    public DMatrixRMaj feedforward(DMatrixRMaj x) {
        if (x.numCols != sizes[0]) {
            throw new IllegalArgumentException("input has " + x.numCols + " columns, the network takes " + sizes[0]);
        }
        ForwardPass pass = new ForwardPass(this, x.numRows);
        pass.input().setTo(x);
        pass.run(x.numRows);
        return pass.output().copy();
    }

    /**
     * Returns the regularization term of the cost for a data set of {@code n} examples:
     * {@code Σ_layers Σ_r r.penalty(w, lambda_r / n)}; biases are not regularized.
     */
    public double penalty(List<Regularization> regularizations, int n) {
        double total = 0;
        for (Regularization r : regularizations) {
            if (r.lambda() == 0) {
                continue;
            }
            for (DMatrixRMaj w : weightsT) {
                total += r.regularizer().penalty(w, r.lambda() / n);
            }
        }
        return total;
    }

    /** Creates the workspace that trains this network in place, for mini-batches of up to {@code maxBatch}. */
    public TrainingStep newTrainingStep(int maxBatch) {
        return new TrainingStep(this, maxBatch);
    }

    /**
     * Creates the workspace that trains this network in place, sharing each batch's work among
     * {@code threads} threads; the results are bit-identical for any number of threads. Close it
     * to stop its threads.
     */
    public TrainingStep newTrainingStep(int maxBatch, int threads) {
        return new TrainingStep(this, maxBatch, RowSplitter.forThreads(threads));
    }

    /** Returns true if every weight and bias is finite. */
    public boolean isFinite() {
        for (int l = 0; l < weightsT.length; l++) {
            if (!DenseKernels.allFinite(weightsT[l], weightsT[l].getNumElements())
                    || !DenseKernels.allFinite(biases[l], biases[l].getNumElements())) {
                return false;
            }
        }
        return true;
    }

    /** Returns a deep copy that shares only the (stateless) plugins. */
    public Network copy() {
        DMatrixRMaj[] wT = new DMatrixRMaj[weightsT.length];
        DMatrixRMaj[] b = new DMatrixRMaj[biases.length];
        for (int l = 0; l < wT.length; l++) {
            wT[l] = weightsT[l].copy();
            b[l] = biases[l].copy();
        }
        return new Network(sizes, activations, cost, wT, b);
    }

    /** Overwrites this network's parameters with those of {@code other}, which must have the same sizes. */
    public void setParameters(Network other) {
        if (!Arrays.equals(sizes, other.sizes)) {
            throw new IllegalArgumentException("sizes differ: " + Arrays.toString(sizes) + " vs "
                    + Arrays.toString(other.sizes));
        }
        for (int l = 0; l < weightsT.length; l++) {
            weightsT[l].setTo(other.weightsT[l]);
            biases[l].setTo(other.biases[l]);
        }
    }

    /** Returns true if both networks have the same sizes, plugins and bit-identical parameters. */
    public boolean sameAs(Network other) {
        if (!Arrays.equals(sizes, other.sizes) || !cost.id().equals(other.cost.id())) {
            return false;
        }
        for (int l = 0; l < weightsT.length; l++) {
            if (!activations[l].id().equals(other.activations[l].id())
                    || !Arrays.equals(weightsT[l].data, 0, weightsT[l].getNumElements(),
                            other.weightsT[l].data, 0, other.weightsT[l].getNumElements())
                    || !Arrays.equals(biases[l].data, other.biases[l].data)) {
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
            s.append(l == 0 ? "" : ", ").append(activations[l].id());
        }
        return s.append("] cost=").append(cost.id()).toString();
    }
}
