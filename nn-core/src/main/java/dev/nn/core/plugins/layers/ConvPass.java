package dev.nn.core.plugins.layers;

import dev.nn.core.kernel.RowKernels;
import dev.nn.core.layer.LayerPass;
import dev.nn.core.layer.PassSetup;
import dev.nn.core.layer.RowTasks;
import dev.nn.core.spi.Activation;
import dev.nn.core.spi.ElementwiseActivation;
import dev.nn.core.spi.Matrix;
import java.util.Arrays;

/**
 * The pass of a {@link ConvLayer}. Forward, each output position's patch is gathered as its nonzero
 * values (an MNIST image is mostly zeros) and combined with the weight rows, as a dense layer
 * combines an example's inputs: {@code z[f][p] = b[f] + Σ_q patch_p[q] w[q][f]}, the terms in
 * increasing q ({@link RowKernels#combine}). Backward, {@code ∂C/∂patch_p = Σ_f δ[f][p] w[q][f]}
 * scattered back onto the input, and the weight gradients summed over the batch's examples and
 * positions in increasing order, row by row. Examples, and rows of the weight gradient, are split
 * between threads, never the terms of a sum, so the bits do not depend on the thread count.
 * Buffers are sized once; a batch allocates nothing.
 */
final class ConvPass implements LayerPass {

    private final double[][] w;
    private final double[] b;
    private final Activation activation;
    private final ElementwiseActivation elementwise;
    private final RowTasks rows;
    private final int channels;
    private final int height;
    private final int width;
    private final int k;
    private final int filters;
    private final int outWidth;
    private final int positions;
    private final int patch;
    private final boolean training;
    /** Per cell (an example's slot times positions, plus the position): the patch's nonzero values, increasing q. */
    private final int[][] idx;
    private final double[][] val;
    private final int[] count;
    /** Per thread part: the filters' sums at one position, and the gradient of one patch. */
    private final double[][] acc;
    private final double[][] patchGradient;
    private final Matrix z;
    private final Matrix a;
    private final Matrix gradient;
    /** In training: δ by cell, {@code deltaT[s * positions + p][f]}. */
    private final double[][] deltaT;
    /** The weights transposed, {@code wT[f][q]}, refreshed each backward below the first layer. */
    private final double[][] wT;
    private final int[] allFilters;
    private final ForwardTask forwardTask = new ForwardTask();
    private final BackwardTask backwardTask = new BackwardTask();
    private final WeightTask weightTask = new WeightTask();
    private Matrix in;
    private Matrix gradIn;
    private int batchSize;

    ConvPass(ConvLayer layer, PassSetup setup) {
        this.w = layer.w;
        this.b = layer.b;
        this.activation = layer.activation();
        this.elementwise = activation instanceof ElementwiseActivation e ? e : null;
        this.rows = setup.rows();
        this.channels = layer.inputShape().channels();
        this.height = layer.inputShape().height();
        this.width = layer.inputShape().width();
        this.k = layer.kernel();
        this.filters = layer.outputShape().channels();
        this.outWidth = layer.outputShape().width();
        this.positions = layer.outputShape().height() * outWidth;
        this.patch = channels * k * k;
        this.training = setup.training();
        int maxBatch = setup.maxBatch();
        int slots = training ? maxBatch : rows.maxParts();
        idx = new int[slots * positions][patch];
        val = new double[slots * positions][patch];
        count = new int[slots * positions];
        acc = new double[rows.maxParts()][filters];
        patchGradient = new double[rows.maxParts()][patch];
        z = Matrix.of(maxBatch, filters * positions);
        a = Matrix.of(maxBatch, filters * positions);
        gradient = training ? Matrix.of(maxBatch, filters * positions) : null;
        deltaT = training ? new double[maxBatch * positions][filters] : null;
        wT = training ? new double[filters][patch] : null;
        allFilters = new int[filters];
        for (int f = 0; f < filters; f++) {
            allFilters[f] = f;
        }
    }

    @Override
    public void forward(Matrix input, int m) {
        this.in = input;
        this.batchSize = m;
        z.setRows(m);
        a.setRows(m);
        rows.split(m, positions * patch * filters / 4, forwardTask);
        if (elementwise == null) {
            activation.apply(z, a);
        }
    }

    @Override
    public Matrix output() {
        return a;
    }

    @Override
    public Matrix gradient() {
        return gradient;
    }

    /** z and, for an elementwise activation, a of example s, its patches kept in the cells of {@code slot}. */
    private void forwardExample(int s, int slot, int part) {
        double[] x = in.data();
        int base = s * channels * height * width;
        double[] sum = acc[part];
        double[] zs = z.data();
        int row = s * filters * positions;
        for (int p = 0; p < positions; p++) {
            int oi = p / outWidth;
            int oj = p - oi * outWidth;
            int cell = slot * positions + p;
            int[] ix = idx[cell];
            double[] v = val[cell];
            int c = 0;
            int q = 0;
            for (int ci = 0; ci < channels; ci++) {
                for (int di = 0; di < k; di++) {
                    int from = base + (ci * height + oi + di) * width + oj;
                    for (int dj = 0; dj < k; dj++, q++) {
                        double xv = x[from + dj];
                        if (xv != 0) {
                            ix[c] = q;
                            v[c++] = xv;
                        }
                    }
                }
            }
            count[cell] = c;
            RowKernels.combine(w, ix, v, c, sum);
            for (int f = 0; f < filters; f++) {
                zs[row + f * positions + p] = sum[f] + b[f];
            }
        }
        if (elementwise != null) {
            double[] as = a.data();
            for (int i = row; i < row + filters * positions; i++) {
                as[i] = elementwise.value(zs[i]);
            }
        }
    }

    @Override
    public boolean backward(Matrix gradIn, int m) {
        // the layer above wrote ∂C/∂a into gradient: δ = σ'(z) ⊙ ∂C/∂a, in place
        activation.backward(z, a, gradient, gradient);
        boolean finite = RowKernels.allFinite(gradient.data(), m * filters * positions);
        this.gradIn = gradIn;
        if (gradIn != null) {
            gradIn.setRows(m);
            for (int q = 0; q < patch; q++) {
                for (int f = 0; f < filters; f++) {
                    wT[f][q] = w[q][f];
                }
            }
        }
        rows.split(m, positions * patch * filters / 4, backwardTask);
        return finite;
    }

    /** δ of example s by position; below the first layer, ∂C/∂input of example s. */
    private void backwardExample(int s, int part) {
        double[] d = gradient.data();
        int row = s * filters * positions;
        for (int p = 0; p < positions; p++) {
            double[] dt = deltaT[s * positions + p];
            for (int f = 0; f < filters; f++) {
                dt[f] = d[row + f * positions + p];
            }
        }
        if (gradIn == null) {
            return;
        }
        double[] g = gradIn.data();
        int base = s * channels * height * width;
        Arrays.fill(g, base, base + channels * height * width, 0.0);
        double[] gp = patchGradient[part];
        for (int p = 0; p < positions; p++) {
            RowKernels.combine(wT, allFilters, deltaT[s * positions + p], filters, gp);
            int oi = p / outWidth;
            int oj = p - oi * outWidth;
            int q = 0;
            for (int ci = 0; ci < channels; ci++) {
                for (int di = 0; di < k; di++) {
                    int from = base + (ci * height + oi + di) * width + oj;
                    for (int dj = 0; dj < k; dj++, q++) {
                        g[from + dj] += gp[q];
                    }
                }
            }
        }
    }

    @Override
    public void parameterGradients(double[][][] sums) {
        weightTask.sums = sums[0];
        rows.split(patch, batchSize * positions * filters / 4, weightTask);
        double[] nb = sums[1][0];
        Arrays.fill(nb, 0.0);
        for (int cell = 0; cell < batchSize * positions; cell++) {
            double[] dt = deltaT[cell];
            for (int f = 0; f < filters; f++) {
                nb[f] += dt[f];
            }
        }
    }

    /** Weight rows [from, to): {@code Σ_s Σ_p patch_(s,p)[q] δ_(s,p)}, in increasing s and p. */
    private void weightRows(double[][] sums, int from, int to) {
        for (int q = from; q < to; q++) {
            Arrays.fill(sums[q], 0.0);
        }
        for (int cell = 0; cell < batchSize * positions; cell++) {
            int[] ix = idx[cell];
            double[] v = val[cell];
            int c = count[cell];
            int t = from == 0 ? 0 : firstAtLeast(ix, c, from);
            double[] dt = deltaT[cell];
            for (; t < c && ix[t] < to; t++) {
                double[] row = sums[ix[t]];
                double x = v[t];
                for (int f = 0; f < filters; f++) {
                    row[f] += x * dt[f];
                }
            }
        }
    }

    private static int firstAtLeast(int[] ix, int count, int q) {
        int lo = 0;
        int hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ix[mid] < q) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private final class ForwardTask implements RowTasks.RangeTask {
        @Override
        public void run(int from, int to) {
            run(0, from, to);
        }

        @Override
        public void run(int part, int from, int to) {
            for (int s = from; s < to; s++) {
                forwardExample(s, training ? s : part, part);
            }
        }
    }

    private final class BackwardTask implements RowTasks.RangeTask {
        @Override
        public void run(int from, int to) {
            run(0, from, to);
        }

        @Override
        public void run(int part, int from, int to) {
            for (int s = from; s < to; s++) {
                backwardExample(s, part);
            }
        }
    }

    private final class WeightTask implements RowTasks.RangeTask {
        double[][] sums;

        @Override
        public void run(int from, int to) {
            weightRows(sums, from, to);
        }
    }
}
