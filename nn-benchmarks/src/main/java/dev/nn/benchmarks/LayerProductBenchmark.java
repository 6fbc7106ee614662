package dev.nn.benchmarks;

import dev.nn.core.kernel.RowKernels;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;

/**
 * The first layer's product for a mini-batch of 10 MNIST-like images, {@code Z = X W} with X
 * {@code 10 x 784} (19% nonzero) and W {@code 784 x cols}: EJML's general dense routine against
 * {@link RowKernels#combine} over each row's nonzero pixels. Setup checks that both agree.
 */
public class LayerProductBenchmark extends OneBatchBenchmark {

    private DMatrixRMaj weights;
    private double[][] weightRows;
    private DMatrixRMaj product;
    private double[][] acc;

    /** Draws the batch and the weights, and checks that the two products agree. */
    @Setup(Level.Trial)
    public void setUp() {
        weights = SparseBatch.weights(SparseBatch.PIXELS, cols, 2);
        weightRows = SparseBatch.rowsOf(weights);
        product = new DMatrixRMaj(10, cols);
        acc = new double[10][cols];
        ejmlDense();
        rowKernels();
        for (int s = 0; s < 10; s++) {
            for (int j = 0; j < cols; j++) {
                if (Math.abs(product.get(s, j) - acc[s][j]) > 1e-12) {
                    throw new IllegalStateException("row " + s + ", column " + j + ": EJML " + product.get(s, j)
                            + ", kernel " + acc[s][j]);
                }
            }
        }
    }

    /** EJML's {@code mult}: every pixel, zero or not. */
    @Benchmark
    public DMatrixRMaj ejmlDense() {
        CommonOps_DDRM.mult(batch.dense, weights, product);
        return product;
    }

    /** The row kernel over the nonzero pixels, one image at a time (what a training step does). */
    @Benchmark
    public double[][] rowKernels() {
        for (int s = 0; s < 10; s++) {
            RowKernels.combine(weightRows, batch.idx[s], batch.val[s], batch.count[s], acc[s]);
        }
        return acc;
    }
}
