package dev.nn.monitor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nn.core.data.ArrayDataSet;
import dev.nn.core.data.DataSet;
import dev.nn.core.network.Network;
import dev.nn.core.network.Regularization;
import dev.nn.core.registry.PluginRegistry;
import dev.nn.train.SgdTrainer;
import dev.nn.train.TrainingConfig;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An overlapped monitor measures each epoch while the next trains, and records the same bits. */
class OverlappedMonitorTests {

    private static final PluginRegistry REGISTRY = PluginRegistry.load();

    private static DataSet data(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][30];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 30; k++) {
                x[i][k] = r.nextDouble() < 0.6 ? 0 : r.nextDouble();
            }
            labels[i] = r.nextInt(5);
        }
        return new ArrayDataSet(x, labels, 5);
    }

    private static History train(EvaluationMonitor monitor, DataSet training, int threads) {
        Network net = Network.of(30, 12, 5).seed(2).registry(REGISTRY).build();
        TrainingConfig config = TrainingConfig.builder().epochs(6).batchSize(10).eta(0.5).seed(4).threads(threads)
                .regularization(new Regularization(REGISTRY.regularizer("l2"), 2.0)).build();
        new SgdTrainer(config, List.of(monitor)).train(net, training);
        return monitor.history();
    }

    @ParameterizedTest(name = "training on {0} threads")
    @ValueSource(ints = {1, 2})
    void recordsTheBitsOfThePlainMonitor(int threads) {
        DataSet training = data(300, 1);
        DataSet test = data(250, 2);
        EnumSet<Metric> all = EnumSet.allOf(Metric.class);
        History plain = train(new EvaluationMonitor(training, test, all, "run", 1), training, 1);
        History overlapped = train(EvaluationMonitor.overlapped(training, test, all, "run"), training, threads);
        assertEquals(6, overlapped.records().size());
        assertEquals(plain, overlapped);
        assertArrayEquals(plain.testCost(), overlapped.testCost(), 0.0);
        assertArrayEquals(plain.trainCost(), overlapped.trainCost(), 0.0);
    }
}
