package dev.nn.core.plugins.layers;

import dev.nn.core.kernel.FourRowKernels;
import dev.nn.core.kernel.RowKernels;
import dev.nn.core.layer.ParameterUpdate;
import dev.nn.core.layer.Penalties;
import dev.nn.core.layer.RowTasks;
import dev.nn.core.layer.UpdateSetup;
import dev.nn.core.spi.UpdateRule;
import java.util.Arrays;
import java.util.List;

/**
 * The gradient sums and the parameter update of one dense layer, after its backprop: network2.py's
 * {@code nabla_w} and {@code nabla_b} summed over the batch, then the update rule and the
 * regularizers. For the {@code sgd} rule the sums and the step are fused row by row, without
 * storing the sums, and only the rows whose input was nonzero somewhere in the batch are touched
 * (plus each regularizer's pass).
 */
final class DenseUpdate implements ParameterUpdate {

    private final DensePass pass;
    private final UpdateRule rule;
    private final boolean fusedSgd;
    /** nablaW[k]: Σ over the batch of ∂C/∂w for the weights from input k; valid where touched. */
    final double[][] nablaW;
    final double[] nablaB;
    /** Per input k: the examples with a nonzero input k and those inputs (the transpose of the batch's inputs). */
    private final int[][] byInputExample;
    private final double[][] byInputValue;
    private final int[] byInputCount;
    private final DenseViews update;
    private final double[][] biasSums;
    private final RowTask rowTask = new RowTask();

    /** Fuses the sums with the step when the rule says it is plain SGD: a capability the rule offers. */
    DenseUpdate(DensePass pass, UpdateSetup setup) {
        this.pass = pass;
        this.rule = setup.rule();
        this.fusedSgd = rule.isPlainSgd();
        int maxBatch = setup.maxBatch();
        int nIn = pass.w.length;
        int nOut = pass.b.length;
        nablaW = new double[nIn][nOut];
        nablaB = new double[nOut];
        byInputExample = new int[nIn][maxBatch];
        byInputValue = new double[nIn][maxBatch];
        byInputCount = new int[nIn];
        biasSums = new double[][] {nablaB};
        update = new DenseViews(pass.w, pass.b, rule, setup.layer(), setup.steps());
    }

    @Override
    public boolean keepsSums() {
        return !fusedSgd;
    }

    @Override
    public double[][] gradientSums(int block) {
        return block == 0 ? nablaW : biasSums;
    }

    @Override
    public boolean touched(int block, int row) {
        return block != 0 || byInputCount[row] > 0;
    }

    /** Adds the rule's state arrays, row by row: each slot of the weights, then each of the biases. */
    @Override
    public void addStateRows(List<double[]> rows) {
        for (int slot = 0; slot < rule.stateSlots(); slot++) {
            for (int k = 0; k < nablaW.length; k++) {
                rows.add(update.weightParameter.state(slot, k));
            }
        }
        for (int slot = 0; slot < rule.stateSlots(); slot++) {
            rows.add(update.biasParameter.state(slot, 0));
        }
    }

    /**
     * Sums the gradients and applies the update: {@code w = P(R(w) - (eta/m) nabla_w)} for sgd, the
     * rule's step on the mean gradient (with the gradient regularizers' terms) otherwise; then the
     * proximal regularizers P. The fused sgd step leaves nabla_w incomplete ({@link #sumGradients}
     * computes it when asked).
     */
    @Override
    public void apply(double eta, Penalties penalties, int batch) {
        rowTask.eta = eta;
        rowTask.c = eta / pass.batchSize;
        rowTask.penalties = penalties;
        rowTask.dense = !rule.zeroGradientIsNoOp() || penalties.hasGradientTerm();
        sumBiasGradient();
        if (fusedSgd) {
            penalties.decay(update.weights(), false, eta);
            runRows(RowTask.SGD);
            RowKernels.subtractScaled(pass.b, rowTask.c, nablaB);
        } else {
            runRows(RowTask.MEAN_GRADIENT);
            penalties.addGradients(update.weights(), update.meanGradient(), false);
            runRows(RowTask.RULE);
            update.setBiasGradient(nablaB, pass.batchSize);
            rule.step(update.biasParameter, 0, 1, eta);
        }
        penalties.proximal(update.weights(), false, eta);
    }

    /** Computes nabla_w and nabla_b only. */
    @Override
    public void sumGradients() {
        sumBiasGradient();
        runRows(RowTask.SUMS);
    }

    private void runRows(int mode) {
        rowTask.mode = mode;
        pass.splitter.split(nablaW.length, pass.batchSize * nablaB.length / 4, rowTask);
    }

    /** nabla_b = Σ_s delta[s], in increasing s. */
    private void sumBiasGradient() {
        int cols = nablaB.length;
        double[] d = pass.backprop.delta.data();
        Arrays.fill(nablaB, 0.0);
        for (int s = 0; s < pass.batchSize; s++) {
            for (int j = 0; j < cols; j++) {
                nablaB[j] += d[s * cols + j];
            }
        }
    }

    /**
     * For the weight rows k: nabla_w[k] = Σ_s x[s][k] delta[s] over the examples with a nonzero
     * input k, in increasing s as {@link RowKernels#combine} orders them; then, by mode, nothing more
     * ({@code SUMS}), the fused sgd step w[k] = R(w[k]) - c nabla_w[k] without keeping the sum ({@code SGD}), or the mean
     * gradient nabla_w[k]/m for a rule ({@code MEAN_GRADIENT}); {@code RULE} applies the rule to the
     * rows. Elementwise regularizers act on the task's block of rows.
     */
    private final class RowTask implements RowTasks.RangeTask {
        static final int SUMS = 0;
        static final int SGD = 1;
        static final int MEAN_GRADIENT = 2;
        static final int RULE = 3;

        int mode;
        double eta;
        double c;
        Penalties penalties;
        /** Whether the rule needs every row, touched or not. */
        boolean dense;

        @Override
        public void run(int from, int to) {
            if (mode == RULE) {
                stepRows(from, to);
                penalties.proximal(update.weightBlock(from, to), true, eta);
                return;
            }
            transposeInputs(from, to);
            if (mode == SGD) {
                penalties.decay(update.weightBlock(from, to), true, eta);
                sgdRows(from, to);
                penalties.proximal(update.weightBlock(from, to), true, eta);
            } else {
                sumRows(from, to);
                if (mode == MEAN_GRADIENT) {
                    meanRows(from, to);
                    penalties.addGradients(update.weightBlock(from, to),
                            update.gradientBlock(from, to), true);
                }
            }
        }

        private void sgdRows(int from, int to) {
            double[][] deltaRows = pass.backprop.deltaRows;
            double[][] w = pass.w;
            int k = from;
            while (k < to) {
                if (pass.batchSize > 4 && fourInEveryExample(k, to)) {
                    FourRowKernels.subtractCombination(deltaRows, byInputExample[k], pass.batchSize,
                            byInputValue[k], byInputValue[k + 1], byInputValue[k + 2], byInputValue[k + 3],
                            nablaW[k], nablaW[k + 1], nablaW[k + 2], nablaW[k + 3], c,
                            w[k], w[k + 1], w[k + 2], w[k + 3]);
                    k += 4;
                    continue;
                }
                if (byInputCount[k] > 0) {
                    RowKernels.subtractCombination(deltaRows, byInputExample[k], byInputValue[k], byInputCount[k],
                            nablaW[k], c, w[k]);
                }
                k++;
            }
        }

        private void sumRows(int from, int to) {
            double[][] deltaRows = pass.backprop.deltaRows;
            int k = from;
            while (k < to) {
                if (fourInEveryExample(k, to)) {
                    FourRowKernels.combine(deltaRows, byInputExample[k], pass.batchSize, byInputValue[k],
                            byInputValue[k + 1], byInputValue[k + 2], byInputValue[k + 3],
                            nablaW[k], nablaW[k + 1], nablaW[k + 2], nablaW[k + 3]);
                    k += 4;
                    continue;
                }
                if (byInputCount[k] > 0) {
                    RowKernels.combine(deltaRows, byInputExample[k], byInputValue[k], byInputCount[k], nablaW[k]);
                }
                k++;
            }
        }

        /**
         * Whether inputs k to k + 3 (all before {@code to}) are nonzero in every example of the
         * batch: then their rows combine the same error rows, in the same order, and take the
         * four-row kernels.
         */
        private boolean fourInEveryExample(int k, int to) {
            int m = pass.batchSize;
            return pass.fourRows && k + 4 <= to && byInputCount[k] == m && byInputCount[k + 1] == m
                    && byInputCount[k + 2] == m && byInputCount[k + 3] == m;
        }

        /** g[k] = nabla_w[k] / m for the touched rows, 0 for the others when the rule needs them. */
        private void meanRows(int from, int to) {
            int m = pass.batchSize;
            for (int k = from; k < to; k++) {
                double[] g = update.gradientRow(k);
                if (byInputCount[k] > 0) {
                    double[] sum = nablaW[k];
                    for (int j = 0; j < g.length; j++) {
                        g[j] = sum[j] / m;
                    }
                } else if (dense) {
                    Arrays.fill(g, 0.0);
                }
            }
        }

        private void stepRows(int from, int to) {
            if (dense) {
                rule.step(update.weightParameter, from, to, eta);
                return;
            }
            for (int k = from; k < to; k++) {
                if (byInputCount[k] > 0) {
                    rule.step(update.weightParameter, k, k + 1, eta);
                }
            }
        }

        /** Returns the first position p before count with idx[p] at least k in the increasing idx, else count. */
        private int firstAtLeast(int[] idx, int count, int k) {
            int lo = 0;
            int hi = count;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (idx[mid] < k) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        /** Lists, for every input k in [from, to), the examples where it is nonzero, in increasing order. */
        private void transposeInputs(int from, int to) {
            SparseRows in = pass.inputs;
            Arrays.fill(byInputCount, from, to, 0);
            for (int s = 0; s < pass.batchSize; s++) {
                int[] idx = in.idx[s];
                double[] val = in.val[s];
                int count = in.count[s];
                for (int p = from == 0 ? 0 : firstAtLeast(idx, count, from); p < count; p++) {
                    int k = idx[p];
                    if (k >= to) {
                        break;
                    }
                    if (k >= from) {
                        byInputExample[k][byInputCount[k]] = s;
                        byInputValue[k][byInputCount[k]++] = val[p];
                    }
                }
            }
        }
    }
}
