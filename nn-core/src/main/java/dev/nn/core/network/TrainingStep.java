package dev.nn.core.network;

import dev.nn.core.kernel.RowKernels;
import dev.nn.core.plugins.SgdRule;
import dev.nn.core.spi.UpdateRule;
import java.util.List;
import dev.nn.core.spi.Matrix;

/**
 * One mini-batch of gradient descent on a {@link Network}, in place: network2.py's
 * {@code update_mini_batch} split into {@link #computeGradients} (feedforward with the dropout
 * masks of the batch, then backprop of the errors) and {@link #update} (the gradient sums, then the
 * update rule and the regularizers; for {@code sgd} the sums and the step are fused row by row).
 *
 * <p>All buffers are sized once; a step allocates nothing. Load each example with {@link #load}, or fill the first m rows of
 * {@link #inputs()} and {@link #targets()}, then call {@code computeGradients(m)}. Not thread-safe;
 * with several threads it shares each batch's work among them, with the same bits as one thread.
 */
public final class TrainingStep implements AutoCloseable {

    private final Network net;
    private final ForwardPass pass;
    private final Matrix targets;
    /** delta[l]: layer l's errors ∂C/∂z, one example per row. */
    private final Matrix[] delta;
    /** deltaRows[l][s]: row s of delta[l], as its own array for the kernels. */
    private final double[][][] deltaRows;
    /** columns[l][j][k] = w[l][k][j], refreshed each batch for backprop (l >= 1). */
    private final double[][][] columns;
    /** gradRows[l][s]: backprop's sum (w[l] delta[l][s]) for batch row s, before the activation's derivative. */
    private final double[][][] gradRows;
    /** 0, 1, 2, ...: every column of the transposed weights, in order. */
    private final int[] allColumns;
    /** nablaW[l][k]: Σ over the batch of ∂C/∂w for the weights from input k; valid where touched. */
    private final double[][][] nablaW;
    private final double[][] nablaB;
    /** Per layer and input k: the examples with a nonzero input k and those inputs (the transpose of inputs[l]). */
    private final int[][][] byInputExample;
    private final double[][][] byInputValue;
    private final int[][] byInputCount;
    private final Gradients gradients;
    private final RowSplitter splitter;
    private final BackTask backTask = new BackTask();
    private final RowTask rowTask = new RowTask();
    private final UpdateRule rule;
    /** The sgd rule runs fused with the gradient sums (bit for bit network2.py's update). */
    private final boolean fusedSgd;
    private final LayerUpdate[] updates;
    private final DropoutMasks dropout;
    private int batchSize;
    private boolean nablaFresh;

    TrainingStep(Network net, int maxBatch, RowSplitter splitter, StepSettings settings) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be >= 1, got " + maxBatch);
        }
        this.net = net;
        this.splitter = splitter;
        int[] sizes = net.sizes();
        int layers = sizes.length - 1;
        this.rule = settings.updateRule();
        this.fusedSgd = rule instanceof SgdRule;
        this.dropout = settings.dropout() > 0 && layers > 1
                ? new DropoutMasks(sizes, maxBatch, settings.dropout(), settings.seed()) : null;
        this.pass = new ForwardPass(net, maxBatch, splitter, dropout);
        updates = new LayerUpdate[layers];
        for (int l = 0; l < layers; l++) {
            updates[l] = new LayerUpdate(net.w[l], net.b[l], rule, splitter.maxParts());
        }
        targets = Matrix.of(maxBatch, sizes[layers]);
        delta = new Matrix[layers];
        deltaRows = new double[layers][][];
        nablaW = new double[layers][][];
        nablaB = new double[layers][];
        byInputExample = new int[layers][][];
        byInputValue = new double[layers][][];
        byInputCount = new int[layers][];
        columns = new double[layers][][];
        gradRows = new double[layers][][];
        int widest = 0;
        for (int l = 1; l < layers; l++) {
            columns[l] = new double[sizes[l + 1]][sizes[l]];
            gradRows[l] = new double[maxBatch][sizes[l]];
            widest = Math.max(widest, sizes[l + 1]);
        }
        allColumns = new int[widest];
        for (int j = 0; j < widest; j++) {
            allColumns[j] = j;
        }
        for (int l = 0; l < layers; l++) {
            delta[l] = Matrix.of(maxBatch, sizes[l + 1]);
            deltaRows[l] = new double[maxBatch][sizes[l + 1]];
            nablaW[l] = new double[sizes[l]][sizes[l + 1]];
            nablaB[l] = new double[sizes[l + 1]];
            byInputExample[l] = new int[sizes[l]][maxBatch];
            byInputValue[l] = new double[sizes[l]][maxBatch];
            byInputCount[l] = new int[sizes[l]];
        }
        gradients = new Gradients(this);
    }

    /** Returns the input buffer, {@code maxBatch x n_in}: fill the first m rows, one example per row. */
    public Matrix inputs() {
        return pass.input();
    }

    /** Returns the target buffer, {@code maxBatch x n_out}: fill the first m rows. */
    public Matrix targets() {
        return targets;
    }

    /**
     * Loads example {@code example} of {@code data} as row {@code s} of the batch: its nonzero inputs
     * and its one-hot target. Faster than filling {@link #inputs()} for sparse data such as MNIST.
     */
    public void load(int s, dev.nn.core.data.DataSet data, int example) {
        pass.load(s, data, example);
        data.copyTarget(example, targets.data(), s * targets.cols());
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
     * Feeds the first {@code m} rows forward and propagates the errors back (network2.py's
     * {@code backprop} for a whole batch). The sums of the gradients over the batch are then
     * available from {@link #gradients()}.
     *
     * @return true if every activation and error of the batch is finite; false means the network diverged
     */
    public boolean computeGradients(int m) {
        if (m < 1 || m > maxBatch()) {
            throw new IllegalArgumentException("batch size must be in 1.." + maxBatch() + ", got " + m);
        }
        batchSize = m;
        nablaFresh = false;
        // reshape keeps the first m rows the caller wrote (stride n_in, as the buffer was filled)
        targets.setRows(m);
        if (dropout != null) {
            dropout.draw(m);
        }
        pass.run(m);
        int last = delta.length - 1;
        boolean finite = RowKernels.allFinite(pass.output().data(), pass.output().size());
        delta[last].setRows(m);
        net.cost().delta(net.activation(last), pass.z[last], pass.a[last + 1], targets, delta[last]);
        for (int l = last; l >= 0; l--) {
            finite &= RowKernels.allFinite(delta[l].data(), delta[l].size());
            if (l > 0) {
                // delta^{l-1} = (w^l)^T delta^l ⊙ σ'(z^{l-1}), network2.py's loop over -l
                delta[l - 1].setRows(m);
                transposeWeights(l);
                backTask.layer = l;
                splitter.split(m, net.w[l].length * delta[l].cols(), backTask);
                if (pass.act[l] != pass.a[l]) {
                    // a dropped unit passes no error back: the same mask as on the way forward
                    dropout.apply(l - 1, delta[l - 1].data(), delta[l - 1].data(), m * delta[l - 1].cols());
                }
                net.activation(l - 1).backward(pass.z[l - 1], pass.act[l], delta[l - 1], delta[l - 1]);
            } else {
                copyRows(0, 0, m);
            }
        }
        return finite;
    }

    /** columns[l] = w[l] transposed. */
    private void transposeWeights(int l) {
        double[][] w = net.w[l];
        double[][] c = columns[l];
        for (int k = 0; k < w.length; k++) {
            double[] row = w[k];
            for (int j = 0; j < row.length; j++) {
                c[j][k] = row[j];
            }
        }
    }

    private void copyRows(int l, int from, int to) {
        int cols = delta[l].cols();
        for (int s = from; s < to; s++) {
            System.arraycopy(delta[l].data(), s * cols, deltaRows[l][s], 0, cols);
        }
    }

    /**
     * Applies the update to every layer: network2.py's for the {@code sgd} rule, generalised to any
     * regularizers, {@code w = P(R(w) - (eta/m) nabla_w)}, {@code b = b - (eta/m) nabla_b}, where R
     * applies each gradient regularizer's {@code decay(w, eta*lambda/n)} and P each proximal
     * regularizer, in the order given. Any other rule gets the mean gradient with every gradient
     * regularizer's term added, then P. Biases are not regularized.
     *
     * @param eta the learning rate
     * @param regularizations the penalties, applied in this order
     * @param n the size of the training set
     */
    public void update(double eta, List<Regularization> regularizations, int n) {
        rowTask.eta = eta;
        rowTask.c = eta / batchSize;
        rowTask.regularizations = regularizations;
        rowTask.n = n;
        rowTask.dense = !rule.zeroGradientIsNoOp() || LayerUpdate.hasGradientTerm(regularizations);
        // the loops are in small methods: one large method with them all would be compiled by the
        // JIT several times over (on-stack replacement at each loop) while the first epochs run
        for (int l = 0; l < delta.length; l++) {
            sumBiasGradient(l);
            if (fusedSgd) {
                updateSgd(l, eta, regularizations, n);
            } else {
                updateByRule(l, eta, regularizations, n);
            }
            LayerUpdate.proximal(regularizations, updates[l].weights(), false, eta, n);
        }
        nablaFresh = true;
    }

    /** The sgd rule, fused with the gradient sums: one pass over each touched weight row. */
    private void updateSgd(int l, double eta, List<Regularization> regularizations, int n) {
        LayerUpdate.decay(regularizations, updates[l].weights(), false, eta, n);
        runRows(l, RowTask.SGD);
        RowKernels.subtractScaled(net.b[l], rowTask.c, nablaB[l]);
    }

    /** Any other rule: the mean gradient (and regularizers' terms), then the rule's step. */
    private void updateByRule(int l, double eta, List<Regularization> regularizations, int n) {
        runRows(l, RowTask.MEAN_GRADIENT);
        LayerUpdate.addGradients(regularizations, updates[l].weights(), updates[l].meanGradient(), false, n);
        runRows(l, RowTask.RULE);
        updates[l].setBiasGradient(nablaB[l], batchSize);
        rule.step(updates[l].biasParameter, 0, 1, eta);
    }

    private void runRows(int l, int mode) {
        rowTask.layer = l;
        rowTask.mode = mode;
        splitter.split(nablaW[l].length, batchSize * delta[l].cols() / 4, rowTask);
    }

    /** Computes nabla_w and nabla_b of the last batch if {@link #update} has not. */
    void ensureGradients() {
        if (!nablaFresh) {
            for (int l = 0; l < delta.length; l++) {
                sumBiasGradient(l);
                runRows(l, RowTask.SUMS);
            }
            nablaFresh = true;
        }
    }

    /** nabla_b[l] = Σ_s delta[l][s], in increasing s. */
    private void sumBiasGradient(int l) {
        double[] nb = nablaB[l];
        int cols = delta[l].cols();
        double[] d = delta[l].data();
        java.util.Arrays.fill(nb, 0.0);
        for (int s = 0; s < batchSize; s++) {
            for (int j = 0; j < cols; j++) {
                nb[j] += d[s * cols + j];
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

    double[][] nablaW(int l) {
        return nablaW[l];
    }

    boolean touched(int l, int k) {
        return byInputCount[l][k] > 0;
    }

    double[] nablaB(int l) {
        return nablaB[l];
    }

    /** Stops the worker threads, if any. */
    @Override
    public void close() {
        splitter.close();
    }

    /**
     * Copies layer l's error rows and computes the errors' gradient below:
     * gradA[s] = Σ_j delta[l][s][j] · w[l]^T[j], summed over j as {@link RowKernels#combine} orders it
     * (a loop over the units below for every output j, which the JIT vectorizes, rather than one
     * short dot product per unit).
     */
    private final class BackTask implements RowSplitter.RangeTask {
        int layer;

        @Override
        public void run(int from, int to) {
            copyRows(layer, from, to);
            double[] out = delta[layer - 1].data();
            int nIn = net.w[layer].length;
            int nOut = delta[layer].cols();
            for (int s = from; s < to; s++) {
                double[] sum = gradRows[layer][s];
                RowKernels.combine(columns[layer], allColumns, deltaRows[layer][s], nOut, sum);
                System.arraycopy(sum, 0, out, s * nIn, nIn);
            }
        }
    }

    /**
     * For the weight rows k of one layer: nabla_w[k] = Σ_s a[s][k] delta[s] over the examples with a
     * nonzero input k, in increasing s as {@link RowKernels#combine} orders them; then, by mode,
     * nothing more ({@code SUMS}), the fused sgd step w[k] = R(w[k]) - c nabla_w[k] ({@code SGD}),
     * or the mean gradient nabla_w[k]/m for a rule ({@code MEAN_GRADIENT}); {@code RULE} applies the
     * rule to the rows. Elementwise regularizers act on the task's block of rows.
     */
    private final class RowTask implements RowSplitter.RangeTask {
        static final int SUMS = 0;
        static final int SGD = 1;
        static final int MEAN_GRADIENT = 2;
        static final int RULE = 3;

        int layer;
        int mode;
        double eta;
        double c;
        List<Regularization> regularizations;
        int n;
        /** Whether the rule needs every row, touched or not. */
        boolean dense;

        @Override
        public void run(int from, int to) {
            run(0, from, to);
        }

        @Override
        public void run(int part, int from, int to) {
            LayerUpdate update = updates[layer];
            if (mode == RULE) {
                stepRows(from, to);
                LayerUpdate.proximal(regularizations, update.weightBlock(part, from, to), true, eta, n);
                return;
            }
            transposeInputs(from, to);
            if (mode == SGD) {
                LayerUpdate.decay(regularizations, update.weightBlock(part, from, to), true, eta, n);
                sgdRows(from, to);
                LayerUpdate.proximal(regularizations, update.weightBlock(part, from, to), true, eta, n);
            } else {
                sumRows(from, to);
                if (mode == MEAN_GRADIENT) {
                    meanRows(from, to);
                    LayerUpdate.addGradients(regularizations, update.weightBlock(part, from, to),
                            update.gradientBlock(part, from, to), true, n);
                }
            }
        }

        private void sgdRows(int from, int to) {
            int[][] examples = byInputExample[layer];
            double[][] values = byInputValue[layer];
            int[] counts = byInputCount[layer];
            for (int k = from; k < to; k++) {
                if (counts[k] > 0) {
                    RowKernels.combineAndSubtract(deltaRows[layer], examples[k], values[k], counts[k],
                            nablaW[layer][k], c, net.w[layer][k]);
                }
            }
        }

        private void sumRows(int from, int to) {
            int[][] examples = byInputExample[layer];
            double[][] values = byInputValue[layer];
            int[] counts = byInputCount[layer];
            for (int k = from; k < to; k++) {
                if (counts[k] > 0) {
                    RowKernels.combine(deltaRows[layer], examples[k], values[k], counts[k], nablaW[layer][k]);
                }
            }
        }

        /** g[k] = nabla_w[k] / m for the touched rows, 0 for the others when the rule needs them. */
        private void meanRows(int from, int to) {
            int[] counts = byInputCount[layer];
            int m = batchSize;
            for (int k = from; k < to; k++) {
                double[] g = updates[layer].gradientRow(k);
                if (counts[k] > 0) {
                    double[] sum = nablaW[layer][k];
                    for (int j = 0; j < g.length; j++) {
                        g[j] = sum[j] / m;
                    }
                } else if (dense) {
                    java.util.Arrays.fill(g, 0.0);
                }
            }
        }

        private void stepRows(int from, int to) {
            if (dense) {
                rule.step(updates[layer].weightParameter, from, to, eta);
                return;
            }
            int[] counts = byInputCount[layer];
            for (int k = from; k < to; k++) {
                if (counts[k] > 0) {
                    rule.step(updates[layer].weightParameter, k, k + 1, eta);
                }
            }
        }

        /** Lists, for every input k in [from, to), the examples where it is nonzero, in increasing order. */
        private void transposeInputs(int from, int to) {
            SparseRows in = pass.inputs[layer];
            int[][] examples = byInputExample[layer];
            double[][] values = byInputValue[layer];
            int[] counts = byInputCount[layer];
            java.util.Arrays.fill(counts, from, to, 0);
            for (int s = 0; s < batchSize; s++) {
                int[] idx = in.idx[s];
                double[] val = in.val[s];
                int count = in.count[s];
                for (int p = 0; p < count; p++) {
                    int k = idx[p];
                    if (k >= to) {
                        break;
                    }
                    if (k >= from) {
                        examples[k][counts[k]] = s;
                        values[k][counts[k]++] = val[p];
                    }
                }
            }
        }
    }
}
