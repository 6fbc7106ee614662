package dev.nn.core.network;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nn.core.data.ArrayDataSet;
import dev.nn.core.data.DataSet;
import dev.nn.core.registry.PluginRegistry;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The training step allocates nothing per mini-batch: a garbage collection never interrupts training. */
class HotPathAllocationTests {

    private static final PluginRegistry REGISTRY = PluginRegistry.load();

    @Test
    void aTrainingStepAllocatesNothingPerBatch() {
        List<Regularization> l2 = List.of(new Regularization(REGISTRY.regularizer("l2"), 5.0));
        assertNoAllocation(Network.of(784, 30, 10), StepSettings.SGD, l2);
    }

    /** Momentum, dropout and both phases of regularizer, on a net with two hidden layers. */
    @Test
    void theOtherRulesDropoutAndProximalStepsAllocateNothingEither() {
        List<Regularization> regs = List.of(new Regularization(REGISTRY.regularizer("l1"), 0.5),
                new Regularization(REGISTRY.regularizer("l1-prox"), 0.2),
                new Regularization(REGISTRY.regularizer("max-norm"), 3.0));
        assertNoAllocation(Network.of(784, 30, 20, 10).dropout(0.5), new StepSettings(REGISTRY.updateRule("momentum"), 7),
                regs);
    }

    private static void assertNoAllocation(NetworkBuilder builder, StepSettings settings, List<Regularization> regs) {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "needs HotSpot's per-thread allocation counter");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        DataSet data = sparseData(200);
        Network net = builder.seed(1).registry(REGISTRY).build();
        try (TrainingStep step = net.newTrainingStep(10, 1, settings)) {
            runBatches(step, data, regs, 40);
            long before = threads.getCurrentThreadAllocatedBytes();
            runBatches(step, data, regs, 400);
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            // the smallest object takes 16 bytes, so anything allocated per batch would show as 6400
            // or more; the JVM may allocate a few bytes once (seen: 72 bytes, in one early batch)
            assertTrue(allocated <= 1024, allocated + " bytes allocated by 400 mini-batches (load, gradients, update)");
        }
    }

    private static void runBatches(TrainingStep step, DataSet data, List<Regularization> regs, int batches) {
        for (int b = 0; b < batches; b++) {
            for (int s = 0; s < 10; s++) {
                step.load(s, data, (b * 10 + s) % data.size());
            }
            step.computeGradients(10);
            step.update(0.1, regs, data.size());
        }
    }

    private static DataSet sparseData(int n) {
        SplittableRandom random = new SplittableRandom(5);
        double[][] x = new double[n][784];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 784; k++) {
                x[i][k] = random.nextInt(5) == 0 ? random.nextInt(1, 256) / 255.0 : 0.0;
            }
            labels[i] = random.nextInt(10);
        }
        return new ArrayDataSet(x, labels, 10);
    }
}
