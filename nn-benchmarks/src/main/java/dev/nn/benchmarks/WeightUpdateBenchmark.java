package dev.nn.benchmarks;

import dev.nn.core.kernel.RowKernels;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;

/**
 * The first layer's gradient step for a mini-batch of 10, {@code W -= c X^T Delta} with X
 * {@code 10 x 784} (19% nonzero) and Delta {@code 10 x cols}: EJML's dense {@code multTransA} and
 * {@code addEquals} against the row kernels over the rows whose pixel is nonzero somewhere in the
 * batch, as two passes ({@link RowKernels#combine} then {@link RowKernels#subtractScaled}) and as
 * one ({@link RowKernels#subtractCombination}). Each invocation steps the weights once more; the
 * step is small, so they stay in range.
 */
public class WeightUpdateBenchmark extends OneBatchBenchmark {

    private static final double C = 1e-9;

    private DMatrixRMaj delta;
    private double[][] deltaRows;
    private DMatrixRMaj weights;
    private double[][] weightRows;
    private DMatrixRMaj nabla;
    private double[][] nablaRows;
    /** For each pixel k: the examples where it is nonzero, their values, and how many. */
    private int[][] examples;
    private double[][] values;
    private int[] counts;

    /** Draws the batch, the errors and the weights, and lists each pixel's examples. */
    @Setup(Level.Trial)
    public void setUp() {
        delta = SparseBatch.weights(10, cols, 3);
        deltaRows = SparseBatch.rowsOf(delta);
        weights = SparseBatch.weights(SparseBatch.PIXELS, cols, 2);
        weightRows = SparseBatch.rowsOf(weights);
        nabla = new DMatrixRMaj(SparseBatch.PIXELS, cols);
        nablaRows = new double[SparseBatch.PIXELS][cols];
        examples = new int[SparseBatch.PIXELS][10];
        values = new double[SparseBatch.PIXELS][10];
        counts = new int[SparseBatch.PIXELS];
        for (int s = 0; s < 10; s++) {
            for (int p = 0; p < batch.count[s]; p++) {
                int k = batch.idx[s][p];
                examples[k][counts[k]] = s;
                values[k][counts[k]++] = batch.val[s][p];
            }
        }
    }

    /** EJML: the full 784-row gradient, then the full matrix stepped. */
    @Benchmark
    public DMatrixRMaj ejmlDense() {
        CommonOps_DDRM.multTransA(batch.dense, delta, nabla);
        CommonOps_DDRM.addEquals(weights, -C, nabla);
        return weights;
    }

    /** Row kernels, two passes per touched row. */
    @Benchmark
    public double[][] combineThenSubtract() {
        for (int k = 0; k < SparseBatch.PIXELS; k++) {
            if (counts[k] > 0) {
                RowKernels.combine(deltaRows, examples[k], values[k], counts[k], nablaRows[k]);
                RowKernels.subtractScaled(weightRows[k], C, nablaRows[k]);
            }
        }
        return weightRows;
    }

    /** Row kernels, one pass per touched row with at most four terms. */
    @Benchmark
    public double[][] subtractCombination() {
        for (int k = 0; k < SparseBatch.PIXELS; k++) {
            if (counts[k] > 0) {
                RowKernels.subtractCombination(deltaRows, examples[k], values[k], counts[k], nablaRows[k], C,
                        weightRows[k]);
            }
        }
        return weightRows;
    }
}
