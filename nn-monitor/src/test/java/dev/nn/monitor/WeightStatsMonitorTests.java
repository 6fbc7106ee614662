package dev.nn.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.core.data.ArrayDataSet;
import dev.nn.core.data.DataSet;
import dev.nn.core.network.Network;
import dev.nn.core.network.Regularization;
import dev.nn.core.registry.PluginRegistry;
import dev.nn.train.SgdTrainer;
import dev.nn.train.TrainingConfig;
import dev.nn.train.TrainingListener;
import dev.nn.train.event.BatchDone;
import dev.nn.train.event.TrainingStarted;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WeightStatsMonitorTests {

    private static final PluginRegistry REGISTRY = PluginRegistry.load();

    /** Every update's weights, copied by a listener that runs after the monitor. */
    private static final class Snapshots implements TrainingListener {
        final List<double[]> layerOne = new ArrayList<>();
        Network net;

        @Override
        public void trainingStarted(TrainingStarted event) {
            net = event.network();
            layerOne.add(weights());
        }

        @Override
        public boolean wantsBatches() {
            return true;
        }

        @Override
        public void batchDone(BatchDone event) {
            layerOne.add(weights());
        }

        private double[] weights() {
            double[] w = new double[net.sizes()[0] * net.sizes()[1]];
            net.copyWeights(0, w);
            return w;
        }
    }

    @Test
    void countsWhatTheWeightsDidEpochByEpoch() {
        List<WeightStats> rows = train("l1", 2.0);
        Snapshots snapshots = lastSnapshots;
        int batches = 8;
        for (int epoch = 1; epoch <= 3; epoch++) {
            long flips = 0;
            long large = 0;
            for (int b = (epoch - 1) * batches; b < epoch * batches; b++) {
                double[] before = snapshots.layerOne.get(b);
                double[] after = snapshots.layerOne.get(b + 1);
                for (int i = 0; i < after.length; i++) {
                    if (before[i] * after[i] < 0) {
                        flips++;
                        if (Math.abs(before[i]) >= 1e-3 && Math.abs(after[i]) >= 1e-3) {
                            large++;
                        }
                    }
                }
            }
            double[] end = snapshots.layerOne.get(epoch * batches);
            double[] start = snapshots.layerOne.get((epoch - 1) * batches);
            double moved = 0;
            double sumAbs = 0;
            for (int i = 0; i < end.length; i++) {
                moved += (end[i] - start[i]) * (end[i] - start[i]);
                sumAbs += Math.abs(end[i]);
            }
            WeightStats row = rows.get(2 * (epoch - 1));
            assertEquals(epoch, row.epoch());
            assertEquals(1, row.layer());
            assertEquals(flips, row.signFlips(), "epoch " + epoch);
            assertEquals(large, row.largeSignFlips(), "epoch " + epoch);
            assertEquals(Math.sqrt(moved), row.updateNorm(), 1e-12);
            assertEquals(sumAbs / end.length, row.meanAbs(), 1e-15);
            assertTrue(row.signFlips() > 0, "the book's L1 at this strength flips weights");
            assertEquals(0.0, row.fractionZero(), 0.0, "the book's L1 makes no weight exactly zero");
        }
        assertEquals(2, rows.get(1).layer());
        assertEquals(6, rows.size(), "one row per epoch and layer");
    }

    @Test
    void theProximalL1MakesExactZeros() {
        List<WeightStats> rows = train("l1-prox", 2.0);
        assertTrue(rows.get(4).fractionZero() > 0.3, "fraction of exact zeros " + rows.get(4).fractionZero());
        assertTrue(rows.get(4).fractionSmall() >= rows.get(4).fractionZero());
    }

    private Snapshots lastSnapshots;

    private List<WeightStats> train(String regularizer, double lambda) {
        SplittableRandom random = new SplittableRandom(3);
        double[][] x = new double[80][20];
        int[] labels = new int[80];
        for (int i = 0; i < x.length; i++) {
            for (int k = 0; k < 20; k++) {
                x[i][k] = random.nextInt(3) == 0 ? random.nextDouble() : 0.0;
            }
            labels[i] = random.nextInt(4);
        }
        DataSet data = new ArrayDataSet(x, labels, 4);
        Network net = Network.of(20, 6, 4).seed(2).registry(REGISTRY).build();
        WeightStatsMonitor monitor = new WeightStatsMonitor();
        lastSnapshots = new Snapshots();
        TrainingConfig config = TrainingConfig.builder().epochs(3).batchSize(10).eta(0.5).seed(1)
                .regularization(new Regularization(REGISTRY.regularizer(regularizer), lambda)).build();
        new SgdTrainer(config, List.of(monitor, lastSnapshots)).train(net, data);
        return monitor.rows();
    }
}
