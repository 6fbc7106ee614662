package dev.nn.benchmarks;

import dev.nn.core.kernel.FourRowKernels;
import dev.nn.core.kernel.RowKernels;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * A layer's product for a mini-batch of 100 dense input rows (a sigmoid layer's output), {@code Z =
 * X W} with X {@code 100 x inputs} and W {@code inputs x units}: the one-row kernel an example at a
 * time against {@link FourRowKernels} four examples at a time. Setup checks that the two agree bit
 * for bit.
 */
public class DenseRowsBenchmark extends MicrosecondsBenchmark {

    private static final int BATCH = 100;

    /** inputs x units: the second layer of w1 (30x10) and of w4 (100x10), backprop's 10x30, wide layers. */
    @Param({"30x10", "10x30", "100x100", "100x1000"})
    public String shape;

    private double[][] weights;
    private int[] all;
    private double[][] x;
    private double[][] z;

    /** Draws the batch and the weights, and checks that the two kernels give the same bits. */
    @Setup(Level.Trial)
    public void setUp() {
        int inputs = Integer.parseInt(shape.substring(0, shape.indexOf('x')));
        int units = Integer.parseInt(shape.substring(shape.indexOf('x') + 1));
        SplittableRandom random = new SplittableRandom(7);
        weights = new double[inputs][units];
        for (double[] row : weights) {
            for (int j = 0; j < units; j++) {
                row[j] = random.nextDouble(-1, 1);
            }
        }
        all = new int[inputs];
        for (int k = 0; k < inputs; k++) {
            all[k] = k;
        }
        x = new double[BATCH][inputs];
        for (double[] row : x) {
            for (int k = 0; k < inputs; k++) {
                row[k] = random.nextDouble(0.01, 1);
            }
        }
        z = new double[BATCH][units];
        double[][] one = oneRow().clone();
        for (int s = 0; s < BATCH; s++) {
            one[s] = one[s].clone();
        }
        fourRows();
        for (int s = 0; s < BATCH; s++) {
            for (int j = 0; j < units; j++) {
                if (Double.doubleToRawLongBits(one[s][j]) != Double.doubleToRawLongBits(z[s][j])) {
                    throw new IllegalStateException("row " + s + ", unit " + j + ": " + one[s][j] + " against " + z[s][j]);
                }
            }
        }
    }

    /** The one-row kernel, an example at a time. */
    @Benchmark
    public double[][] oneRow() {
        for (int s = 0; s < BATCH; s++) {
            RowKernels.combine(weights, all, x[s], all.length, z[s]);
        }
        return z;
    }

    /** The four-row kernel, four examples at a time. */
    @Benchmark
    public double[][] fourRows() {
        for (int s = 0; s < BATCH; s += 4) {
            FourRowKernels.combine(weights, all, all.length, x[s], x[s + 1], x[s + 2], x[s + 3], z[s], z[s + 1],
                    z[s + 2], z[s + 3]);
        }
        return z;
    }
}
