package dev.nn.core.network;

import dev.nn.core.data.DataSet;
import dev.nn.core.kernel.RowKernels;
import dev.nn.core.spi.Matrix;

/**
 * The buffers and work of one feedforward pass over a batch: {@code a[0]} is the input,
 * {@code z[l]} and {@code a[l+1]} layer l's weighted inputs and outputs (one example per row),
 * {@code inputs[l]} the nonzero entries of {@code a[l]}. In training with dropout,
 * {@code act[l+1]} holds the activations σ(z) and {@code a[l+1]} the same with the dropout mask
 * applied; otherwise they are the same matrices. Sized once; not thread-safe.
 */
final class ForwardPass {

    final Network net;
    final Matrix[] z;
    final Matrix[] a;
    final Matrix[] act;
    private final DropoutMasks dropout;
    final SparseRows[] inputs;
    private final double[][][] acc;
    /** Rows of the input whose nonzero entries were loaded directly by {@link #load}, not written densely. */
    private final boolean[] loaded;
    private final RowSplitter splitter;
    private final LayerTask task = new LayerTask();

    ForwardPass(Network net, int maxBatch, RowSplitter splitter) {
        this(net, maxBatch, splitter, null);
    }

    /** A pass that trains with {@code dropout} (null: none); its masks are drawn by the caller. */
    ForwardPass(Network net, int maxBatch, RowSplitter splitter, DropoutMasks dropout) {
        this.net = net;
        this.dropout = dropout;
        this.splitter = splitter;
        int[] sizes = net.sizes();
        int layers = sizes.length - 1;
        z = new Matrix[layers];
        a = new Matrix[layers + 1];
        act = new Matrix[layers + 1];
        inputs = new SparseRows[layers];
        acc = new double[layers][][];
        a[0] = Matrix.of(maxBatch, sizes[0]);
        act[0] = a[0];
        for (int l = 0; l < layers; l++) {
            z[l] = Matrix.of(maxBatch, sizes[l + 1]);
            a[l + 1] = Matrix.of(maxBatch, sizes[l + 1]);
            act[l + 1] = dropout != null && dropout.masks(l) ? Matrix.of(maxBatch, sizes[l + 1]) : a[l + 1];
            inputs[l] = new SparseRows(maxBatch, sizes[l]);
            acc[l] = new double[maxBatch][sizes[l + 1]];
        }
        loaded = new boolean[maxBatch];
    }

    Matrix input() {
        return a[0];
    }

    Matrix output() {
        return a[a.length - 1];
    }

    int capacity() {
        return acc[0].length;
    }

    /** Loads example {@code example} of {@code data} as input row {@code s}, as its nonzero entries only. */
    void load(int s, DataSet data, int example) {
        SparseRows in = inputs[0];
        in.count[s] = data.copyNonZeroInputs(example, in.idx[s], in.val[s]);
        loaded[s] = true;
    }

    /** Loads examples {@code start .. start+m-1} of {@code data} as input rows 0 .. m-1, as by {@link #load(int, DataSet, int)}. */
    void load(DataSet data, int start, int m) {
        for (int s = 0; s < m; s++) {
            load(s, data, start + s);
        }
    }

    /** Feeds the first {@code m} rows of the input forward: rows given by {@link #load}, else the dense input. */
    void run(int m) {
        for (int l = 0; l < a.length; l++) {
            a[l].setRows(m);
            act[l].setRows(m);
        }
        for (int l = 0; l < z.length; l++) {
            z[l].setRows(m);
            task.layer = l;
            splitter.split(m, a[l].cols() * z[l].cols() / 4, task);
            net.activation(l).apply(z[l], act[l + 1]);
            if (act[l + 1] != a[l + 1]) {
                dropout.apply(l, act[l + 1].data(), a[l + 1].data(), m * a[l + 1].cols());
            }
        }
        java.util.Arrays.fill(loaded, 0, m, false);
    }

    /**
     * z[l][s] = (Σ_k a[l][s][k] w[l][k]) + b[l], over the nonzero inputs in increasing k as
     * {@link RowKernels#combine} orders them.
     */
    private void forwardRow(int l, int s) {
        SparseRows in = inputs[l];
        if (l > 0 || !loaded[s]) {
            in.scan(a[l], s);
        }
        double[] sum = acc[l][s];
        RowKernels.combine(net.w[l], in.idx[s], in.val[s], in.count[s], sum);
        double[] bias = net.b[l];
        for (int j = 0; j < sum.length; j++) {
            sum[j] = sum[j] + bias[j];
        }
        // a loop storing at z's row offset would not be vectorized; the copy is
        System.arraycopy(sum, 0, z[l].data(), s * sum.length, sum.length);
    }

    /** One layer's rows; a reused object, so a pass allocates nothing. */
    private final class LayerTask implements RowSplitter.RangeTask {
        int layer;

        @Override
        public void run(int from, int to) {
            for (int s = from; s < to; s++) {
                forwardRow(layer, s);
            }
        }
    }
}
