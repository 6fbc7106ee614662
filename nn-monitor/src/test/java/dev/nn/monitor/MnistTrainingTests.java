package dev.nn.monitor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.core.data.DataSet;
import dev.nn.core.network.Network;
import dev.nn.data.mnist.Mnist;
import dev.nn.train.SgdTrainer;
import dev.nn.train.TrainingConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Real MNIST runs: workload w1, determinism, and the vanishing gradient of seed 004. */
class MnistTrainingTests {

    @Test
    void workloadW1ReachesTheExpectedTestAccuracy() {
        Mnist mnist = SharedMnist.get();
        Network net = Network.of(784, 30, 10).seed(1).build();
        DataSet first1000 = mnist.training().first(1000);
        History res = Sgd.epochs(20).batchSize(10).eta(0.5).seed(1)
                .monitor(first1000, mnist.test()).train(net, first1000);
        assertEquals(20, res.records().size());
        double accuracy = res.last().testAccuracy();
        assertTrue(accuracy >= 0.86 && accuracy <= 0.90, "w1 test accuracy after 20 epochs: " + accuracy);
        assertTrue(res.last().trainAccuracy() > accuracy, "the net overfits its 1000 images");
        assertTrue(res.trainCost()[19] < res.trainCost()[0]);
    }

    @Test
    void sameSeedSameHistoryBitForBit() {
        Mnist mnist = SharedMnist.get();
        DataSet train = mnist.training().first(500);
        DataSet test = mnist.test().first(500);
        History a = Sgd.epochs(3).eta(0.5).l2(0.2).l1(0.05).seed(9).monitor(train, test)
                .train(Network.of(784, 30, 10).seed(3).build(), train);
        History b = Sgd.epochs(3).eta(0.5).l2(0.2).l1(0.05).seed(9).threads(2).monitor(train, test)
                .train(Network.of(784, 30, 10).seed(3).build(), train);
        assertEquals(a, b);
        assertArrayEquals(a.testCost(), b.testCost(), 0.0);
    }

    @Test
    void gradientNormsOfSeed004RiseTowardTheOutputLayer() {
        Mnist mnist = SharedMnist.get();
        Network net = Network.of(784, 30, 30, 30, 30, 30, 10).seed(4).build();
        GradientNormMonitor norms = new GradientNormMonitor();
        Sgd.epochs(1).batchSize(100).eta(0.01).l2(0.05).listener(norms).train(net, mnist.training().first(1000));
        GradientTable table = norms.table();
        assertEquals(10, table.rows().size());
        assertEquals(6, table.layers());
        double[] mean = new double[6];
        for (GradientTable.Row row : table.rows()) {
            for (int l = 0; l < 6; l++) {
                mean[l] += row.norms()[l] / table.rows().size();
            }
        }
        for (int l = 1; l < 5; l++) {
            assertTrue(mean[l] > mean[l - 1], "hidden layer " + (l + 1) + " learns faster than layer " + l + ": "
                    + java.util.Arrays.toString(mean));
        }
    }

    @Test
    void trainerWithoutMonitorsDoesNoEvaluation() {
        Mnist mnist = SharedMnist.get();
        DataSet first100 = mnist.training().first(100);
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        // the training set, counting every read of an example's inputs
        DataSet counted = new DataSet() {
            @Override
            public int size() {
                return first100.size();
            }

            @Override
            public int inputSize() {
                return first100.inputSize();
            }

            @Override
            public int classes() {
                return first100.classes();
            }

            @Override
            public int label(int i) {
                return first100.label(i);
            }

            @Override
            public void copyInputs(int i, double[] dst, int offset) {
                reads.incrementAndGet();
                first100.copyInputs(i, dst, offset);
            }

            @Override
            public int copyNonZeroInputs(int i, int[] idx, double[] val) {
                reads.incrementAndGet();
                return first100.copyNonZeroInputs(i, idx, val);
            }
        };
        var result = new SgdTrainer(TrainingConfig.builder().epochs(2).build(), List.of())
                .train(Network.of(784, 10).build(), counted);
        assertEquals(2, result.epochsRun());
        assertEquals(2 * 100, reads.get(), "each example read once an epoch, for training; none for measuring");
    }
}
