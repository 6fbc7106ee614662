package dev.nn.benchmarks;

import org.openjdk.jmh.annotations.Param;

/**
 * What the first layer's kernel benchmarks share: one MNIST-like mini-batch of 10 at the layer
 * widths of the workloads.
 */
public abstract class OneBatchBenchmark extends MicrosecondsBenchmark {

    /** Output units of the layer: 30 for w1-w3, 100 for w4. */
    @Param({"30", "100"})
    public int cols;

    /** The mini-batch, drawn with a fixed seed. */
    protected final SparseBatch batch = new SparseBatch(10, 1);
}
