package dev.nn.core.network;

import dev.nn.core.kernel.DenseKernels;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * One mini-batch of SGD on a {@link Network}, in place: network2.py's {@code update_mini_batch}
 * split into {@link #computeGradients} (feedforward and backprop, summing the batch's gradients)
 * and {@link #update} (the weight and bias update).
 *
 * <p>All buffers are sized once; a step allocates nothing. Fill the first m rows of
 * {@link #inputs()} and {@link #targets()}, then call {@code computeGradients(m)}. Not thread-safe.
 */
public final class TrainingStep implements AutoCloseable {

    private final Network net;
    private final ForwardPass pass;
    private final DMatrixRMaj targets;
    private final DMatrixRMaj[] delta;
    private final DMatrixRMaj[] nablaWT;
    private final DMatrixRMaj[] nablaB;
    private final boolean[][] touched;
    private final Gradients gradients;
    private final RowSplitter splitter;
    private int batchSize;

    TrainingStep(Network net, int maxBatch) {
        this(net, maxBatch, RowSplitter.SERIAL);
    }

    TrainingStep(Network net, int maxBatch, RowSplitter splitter) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be >= 1, got " + maxBatch);
        }
        this.net = net;
        this.splitter = splitter;
        this.pass = new ForwardPass(net, maxBatch, splitter);
        int[] sizes = net.sizes();
        int layers = sizes.length - 1;
        targets = new DMatrixRMaj(maxBatch, sizes[layers]);
        delta = new DMatrixRMaj[layers];
        nablaWT = new DMatrixRMaj[layers];
        nablaB = new DMatrixRMaj[layers];
        touched = new boolean[layers][];
        for (int l = 0; l < layers; l++) {
            delta[l] = new DMatrixRMaj(maxBatch, sizes[l + 1]);
            nablaWT[l] = new DMatrixRMaj(sizes[l], sizes[l + 1]);
            nablaB[l] = new DMatrixRMaj(1, sizes[l + 1]);
            touched[l] = new boolean[sizes[l]];
        }
        gradients = new Gradients(this);
    }

    /** Returns the input buffer, {@code maxBatch x n_in}: fill the first m rows, one example per row. */
    public DMatrixRMaj inputs() {
        return pass.input();
    }

    /** Returns the target buffer, {@code maxBatch x n_out}: fill the first m rows. */
    public DMatrixRMaj targets() {
        return targets;
    }

    /** Returns the largest batch this step takes. */
    public int maxBatch() {
        return pass.capacity();
    }

    /** Returns the network this step trains. */
    public Network network() {
        return net;
    }

    /**
     * Feeds the first {@code m} rows forward and back, leaving in {@link #gradients()} the sums over
     * the batch of ∂C_x/∂w and ∂C_x/∂b (network2.py's {@code nabla_w}, {@code nabla_b}).
     *
     * @return true if every activation and error of the batch is finite; false means the network diverged
     */
    public boolean computeGradients(int m) {
        if (m < 1 || m > maxBatch()) {
            throw new IllegalArgumentException("batch size must be in 1.." + maxBatch() + ", got " + m);
        }
        int layers = delta.length;
        for (int l = 0; l < layers; l++) {
            int layer = l;
            splitter.split(touched[l].length, nablaWT[l].numCols / 4,
                    (from, to) -> DenseKernels.clearTouched(nablaWT[layer], touched[layer], from, to));
        }
        batchSize = m;
        // reshape keeps the first m rows the caller wrote (stride n_in, as the buffer was filled)
        targets.reshape(m, targets.numCols, false);
        pass.run(m);
        boolean finite = DenseKernels.allFinite(pass.output(), pass.output().getNumElements());
        int last = layers - 1;
        delta[last].reshape(m, delta[last].numCols, false);
        net.cost().delta(net.activation(last), pass.z[last], pass.a[last + 1], targets, delta[last]);
        for (int l = last; l >= 0; l--) {
            finite &= DenseKernels.allFinite(delta[l], delta[l].getNumElements());
            accumulate(l);
            if (l > 0) {
                // delta^{l-1} = (w^l)^T delta^l ⊙ σ'(z^{l-1}), network2.py's loop over -l
                delta[l - 1].reshape(m, delta[l - 1].numCols, false);
                DMatrixRMaj below = delta[l - 1];
                DMatrixRMaj above = delta[l];
                DMatrixRMaj wT = net.weightsT[l];
                splitter.split(m, wT.getNumElements(), (from, to) -> DenseKernels.backDelta(above, wT, below, from, to));
                net.activation(l - 1).backward(pass.z[l - 1], pass.a[l], below, below);
            }
        }
        return finite;
    }

    private void accumulate(int l) {
        DenseKernels.columnSums(delta[l], nablaB[l]);
        DMatrixRMaj in = pass.a[l];
        DMatrixRMaj d = delta[l];
        splitter.split(touched[l].length, d.getNumElements() / 4,
                (from, to) -> DenseKernels.accumulateOuter(in, d, nablaWT[l], touched[l], from, to));
    }

    /**
     * Applies the update of network2.py (L2) generalised to any regularizers:
     * {@code w = R(w) - (eta/m) nabla_w}, {@code b = b - (eta/m) nabla_b}, where R applies each
     * regularizer's {@code decay(w, eta*lambda/n)} in order. Biases are not regularized.
     *
     * @param eta the learning rate
     * @param regularizations the penalties, applied in this order
     * @param n the size of the training set
     */
    public void update(double eta, List<Regularization> regularizations, int n) {
        double c = eta / batchSize;
        for (int l = 0; l < delta.length; l++) {
            DMatrixRMaj wT = net.weightsT[l];
            for (Regularization r : regularizations) {
                if (r.lambda() != 0) {
                    r.regularizer().decay(wT, eta * (r.lambda() / n));
                }
            }
            int layer = l;
            splitter.split(touched[l].length, wT.numCols / 2,
                    (from, to) -> DenseKernels.subtractScaledRows(wT, nablaWT[layer], touched[layer], c, from, to));
            double[] b = net.biases[l].data;
            double[] nb = nablaB[l].data;
            for (int j = 0; j < b.length; j++) {
                b[j] = b[j] - c * nb[j];
            }
        }
    }

    /** Returns the gradients of the last batch, valid until the next {@link #computeGradients}. */
    public Gradients gradients() {
        return gradients;
    }

    int batchSize() {
        return batchSize;
    }

    DMatrixRMaj nablaWT(int l) {
        return nablaWT[l];
    }

    DMatrixRMaj nablaB(int l) {
        return nablaB[l];
    }

    /** Stops the worker threads, if any. */
    @Override
    public void close() {
        splitter.close();
    }

    /** Returns the output activations of the last batch, {@code m x n_out}; a view, valid until the next batch. */
    public DMatrixRMaj outputs() {
        return pass.output();
    }
}
