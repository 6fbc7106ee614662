package dev.nn.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The settings the kernel benchmarks share: the time of one mini-batch of 10, in microseconds,
 * at the layer widths of the workloads.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public abstract class OneBatchBenchmark {

    /** Output units of the layer: 30 for w1-w3, 100 for w4. */
    @Param({"30", "100"})
    public int cols;

    /** The mini-batch, drawn with a fixed seed. */
    protected final SparseBatch batch = new SparseBatch(10, 1);
}
