package dev.nn.core.plugins.layers;

import dev.nn.core.data.DataSet;
import dev.nn.core.kernel.FourRowKernels;
import dev.nn.core.kernel.RowKernels;
import dev.nn.core.layer.LayerPass;
import dev.nn.core.layer.ParameterUpdate;
import dev.nn.core.layer.PassSetup;
import dev.nn.core.layer.RowTasks;
import dev.nn.core.layer.UpdateSetup;
import dev.nn.core.spi.Activation;
import dev.nn.core.spi.Cost;
import dev.nn.core.spi.ElementwiseActivation;
import dev.nn.core.spi.Matrix;

/**
 * The pass of a {@link DenseLayer}: the fast path. Forward, {@code z = w·x + b}
 * over the nonzero inputs only and {@code a = σ(z)}; backward, {@code δ = σ'(z) ⊙ ∂C/∂a} and
 * {@code ∂C/∂x = wᵀ δ}; and the sums of the gradients for the update ({@link DenseUpdate}). Every
 * sum has the fixed order of {@link RowKernels}, and rows are split between threads, never the
 * terms of a sum, so the bits do not depend on the thread count. Nothing is allocated per batch.
 */
final class DensePass implements LayerPass {

    /**
     * The smallest training mini-batch whose passes take the four-row kernels where their inputs
     * allow, in layers of at least {@link #FOUR_ROW_MIN_WEIGHTS} weights. The JIT's compiling them
     * costs a short run tens of milliseconds, which only a large enough product repays: at batch 10
     * they gained 0-5% (w2-w4) and cost w1's 0.3 s run 18%; at batch 100, 784-1000-10 and
     * 784-100-100-100-10 took 4-12% less, 784-100-10 (a 0.4 s run) 2-20% more. Evaluation passes take
     * the one-row kernels.
     */
    static final int FOUR_ROW_MIN_BATCH = 32;

    /** See {@link #FOUR_ROW_MIN_BATCH}. */
    static final int FOUR_ROW_MIN_WEIGHTS = 4096;

    /** The weights by input ({@code w[k][j]}, from input k to unit j) and the biases: the layer's own. */
    final double[][] w;
    final double[] b;
    private final Activation activation;
    /** The activation when it acts unit by unit: then each row is activated in the forward task, on its thread. */
    private final ElementwiseActivation elementwise;
    final RowTasks splitter;
    /** Whether the four-row kernels are taken where the inputs allow: see {@link #FOUR_ROW_MIN_BATCH}. */
    final boolean fourRows;
    /** The nonzero inputs of each row of the batch, in increasing order. */
    final SparseRows inputs;
    private final double[][] acc;
    private final Matrix z;
    private final Matrix a;
    /**
     * Rows of the input given by {@link #load} as an example of a data set (null for a row taken from
     * the dense input), copied as nonzero entries by the thread that computes the row.
     */
    private final DataSet[] loadedFrom;
    private final int[] loadedExample;
    private final ForwardTask forwardTask = new ForwardTask();
    /** The training part: null in a pass that evaluates. */
    final Backprop backprop;
    private Matrix in;
    int batchSize;

    DensePass(DenseLayer layer, PassSetup setup) {
        this.w = layer.w;
        this.b = layer.b;
        this.activation = layer.activation();
        this.elementwise = activation instanceof ElementwiseActivation e ? e : null;
        this.splitter = setup.rows();
        int maxBatch = setup.maxBatch();
        int nIn = w.length;
        int nOut = b.length;
        fourRows = setup.training() && maxBatch >= FOUR_ROW_MIN_BATCH && (long) nIn * nOut >= FOUR_ROW_MIN_WEIGHTS;
        inputs = new SparseRows(maxBatch, nIn);
        acc = new double[maxBatch][nOut];
        z = Matrix.of(maxBatch, nOut);
        a = Matrix.of(maxBatch, nOut);
        loadedFrom = new DataSet[maxBatch];
        loadedExample = new int[maxBatch];
        backprop = setup.training() ? new Backprop(maxBatch, nIn, nOut) : null;
    }

    /**
     * Takes example {@code example} of {@code data} as input row {@code s}: the next {@link #forward}
     * copies its nonzero entries only, on the thread that computes the row.
     */
    @Override
    public boolean load(int s, DataSet data, int example) {
        loadedFrom[s] = data;
        loadedExample[s] = example;
        return true;
    }

    /** The dense layer's own update: the gradient sums over the nonzero inputs, fused with the step for plain SGD. */
    @Override
    public ParameterUpdate ownUpdate(UpdateSetup setup) {
        return new DenseUpdate(this, setup);
    }

    @Override
    public void forward(Matrix input, int m) {
        this.in = input;
        this.batchSize = m;
        z.setRows(m);
        a.setRows(m);
        splitter.split(m, w.length * b.length / 4, forwardTask);
        if (elementwise == null) {
            activation.apply(z, a);
        }
        java.util.Arrays.fill(loadedFrom, 0, m, null);
    }

    /**
     * Counts the last batch's input rows without a zero (they take the four-row kernels, four at a
     * time, and so do the update's rows of inputs nonzero in every example) and the others (the
     * one-row kernels over their nonzero inputs).
     */
    @Override
    public String kernels() {
        int dense = 0;
        long nonzero = 0;
        for (int s = 0; s < batchSize; s++) {
            if (inputs.dense(s)) {
                dense++;
            }
            nonzero += inputs.count[s];
        }
        String shape = w.length + " -> " + b.length + ": ";
        if (dense == batchSize) {
            return shape + "dense rows, " + (fourRows ? "four-row kernels" : "one-row kernels (four-row from batch "
                    + FOUR_ROW_MIN_BATCH + " and " + FOUR_ROW_MIN_WEIGHTS + " weights)");
        }
        long share = Math.round(100.0 * nonzero / ((long) batchSize * w.length));
        return shape + "sparse rows, " + share + "% of inputs nonzero"
                + (dense > 0 && fourRows ? " (" + dense + " of " + batchSize + " rows dense, four-row kernels)" : "");
    }

    @Override
    public Matrix output() {
        return a;
    }

    @Override
    public Matrix gradient() {
        return backprop.delta;
    }

    /**
     * Records row s's nonzero inputs, for z[s] = (Σ_k x[s][k] w[k]) + b over them in increasing k
     * as {@link RowKernels#combine} orders them.
     */
    private void loadRow(int s) {
        if (loadedFrom[s] != null) {
            inputs.load(s, loadedFrom[s], loadedExample[s]);
        } else {
            inputs.scan(in, s);
        }
    }

    /** z[s] = acc[s] + b, and a[s] = σ(z[s]) when the activation is elementwise. */
    private void finishRow(int s) {
        double[] sum = acc[s];
        for (int j = 0; j < sum.length; j++) {
            sum[j] = sum[j] + b[j];
        }
        // a loop storing at z's row offset would not be vectorized; the copy is
        System.arraycopy(sum, 0, z.data(), s * sum.length, sum.length);
        if (elementwise != null) {
            // a = σ(z) for this row, as apply would give it (ElementwiseActivation's contract)
            for (int j = 0; j < sum.length; j++) {
                sum[j] = elementwise.value(sum[j]);
            }
            System.arraycopy(sum, 0, a.data(), s * sum.length, sum.length);
        }
    }

    /** δ = ∂C/∂z of the output layer from the cost, network2.py's {@code delta(z, a, y)}; then as {@link #backward}. */
    @Override
    public boolean backwardFromCost(Cost cost, Matrix targets, Matrix gradIn, int m) {
        backprop.delta.setRows(m);
        cost.delta(activation, z, a, targets, backprop.delta);
        return backprop.propagate(gradIn, m);
    }

    @Override
    public boolean backward(Matrix gradIn, int m) {
        // the layer above wrote ∂C/∂a into delta: δ = σ'(z) ⊙ ∂C/∂a, in place
        activation.backward(z, a, backprop.delta, backprop.delta);
        return backprop.propagate(gradIn, m);
    }

    /** The rows of one forward batch; a reused object, so a pass allocates nothing. */
    private final class ForwardTask implements RowTasks.RangeTask {
        /**
         * Four rows at a time where four rows in a row are dense (a hidden layer's sigmoid
         * output), with the bits of one at a time. Each row is combined right after its inputs are
         * recorded, while they are in the cache.
         */
        @Override
        public void run(int from, int to) {
            int s = from;
            while (s < to) {
                // record rows while they are dense, up to four; combine four dense ones at once
                loadRow(s);
                int rows = 1;
                boolean allDense = fourRows && s + 4 <= to && inputs.dense(s);
                while (allDense && rows < 4) {
                    loadRow(s + rows);
                    allDense = inputs.dense(s + rows);
                    rows++;
                }
                if (allDense) {
                    FourRowKernels.combine(w, inputs.idx[s], w.length, inputs.val[s], inputs.val[s + 1],
                            inputs.val[s + 2], inputs.val[s + 3], acc[s], acc[s + 1], acc[s + 2], acc[s + 3]);
                    for (int t = s; t < s + 4; t++) {
                        finishRow(t);
                    }
                    s += 4;
                    continue;
                }
                // the rows recorded, one at a time
                for (int t = s; t < s + rows; t++) {
                    RowKernels.combine(w, inputs.idx[t], inputs.val[t], inputs.count[t], acc[t]);
                    finishRow(t);
                }
                s += rows;
            }
        }
    }

    /** The buffers and work of backprop through this layer. */
    final class Backprop implements RowTasks.RangeTask {
        /** ∂C/∂z of this layer, one example per row (∂C/∂a until {@link #backward} turns it into δ). */
        final Matrix delta;
        /** deltaRows[s]: row s of delta, as its own array for the kernels. */
        final double[][] deltaRows;
        /** columns[j][k] = w[k][j], refreshed each batch; made at the first batch that has a layer below. */
        private double[][] columns;
        /** gradRows[s]: the sum wᵀ δ[s] for batch row s; made with columns. */
        private double[][] gradRows;
        /** 0, 1, 2, ...: every column of the transposed weights, in order. */
        private final int[] allColumns;
        private Matrix gradIn;

        Backprop(int maxBatch, int nIn, int nOut) {
            delta = Matrix.of(maxBatch, nOut);
            deltaRows = new double[maxBatch][nOut];
            allColumns = new int[nOut];
            for (int j = 0; j < nOut; j++) {
                allColumns[j] = j;
            }
        }

        /** Copies δ's rows for the gradient sums and, below the first layer, computes ∂C/∂x = wᵀ δ into gradIn. */
        boolean propagate(Matrix gradIn, int m) {
            boolean finite = RowKernels.allFinite(delta.data(), delta.size());
            if (gradIn == null) {
                copyRows(0, m);
                return finite;
            }
            gradIn.setRows(m);
            if (columns == null) {
                columns = new double[b.length][w.length];
                gradRows = new double[deltaRows.length][w.length];
            }
            transposeWeights();
            this.gradIn = gradIn;
            splitter.split(m, w.length * b.length, this);
            return finite;
        }

        /** columns = w transposed. */
        private void transposeWeights() {
            for (int k = 0; k < w.length; k++) {
                double[] row = w[k];
                for (int j = 0; j < row.length; j++) {
                    columns[j][k] = row[j];
                }
            }
        }

        private void copyRows(int from, int to) {
            int cols = delta.cols();
            for (int s = from; s < to; s++) {
                System.arraycopy(delta.data(), s * cols, deltaRows[s], 0, cols);
            }
        }

        /**
         * Copies the error rows and computes gradIn[s] = Σ_j δ[s][j] · wᵀ[j], summed over j as
         * {@link RowKernels#combine} orders it (a loop over the inputs for every unit j, which the JIT
         * vectorizes, rather than one short dot product per input), four examples at a time.
         */
        @Override
        public void run(int from, int to) {
            copyRows(from, to);
            double[] out = gradIn.data();
            int nIn = w.length;
            int nOut = delta.cols();
            int s = from;
            for (; fourRows && s + 4 <= to; s += 4) {
                FourRowKernels.combine(columns, allColumns, nOut, deltaRows[s], deltaRows[s + 1], deltaRows[s + 2],
                        deltaRows[s + 3], gradRows[s], gradRows[s + 1], gradRows[s + 2], gradRows[s + 3]);
            }
            for (; s < to; s++) {
                RowKernels.combine(columns, allColumns, deltaRows[s], nOut, gradRows[s]);
            }
            for (s = from; s < to; s++) {
                System.arraycopy(gradRows[s], 0, out, s * nIn, nIn);
            }
        }
    }
}
