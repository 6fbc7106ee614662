package dev.nn.core.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nn.core.data.ArrayDataSet;
import dev.nn.core.data.DataSet;
import dev.nn.core.registry.PluginRegistry;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** An evaluation shared by threads of the caller's own gives the bits of a plain one. */
class EvaluatorJobTests {

    private static final PluginRegistry REGISTRY = PluginRegistry.load();

    private static DataSet data(int n, int inputs) {
        SplittableRandom r = new SplittableRandom(5);
        double[][] x = new double[n][inputs];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < inputs; k++) {
                x[i][k] = r.nextDouble() < 0.5 ? 0 : r.nextDouble();
            }
            labels[i] = r.nextInt(4);
        }
        return new ArrayDataSet(x, labels, 4);
    }

    @Test
    void aJobSharedByTwoThreadsGivesTheBitsOfEvaluate() throws Exception {
        Network net = Network.of(12, 9, 4).seed(8).registry(REGISTRY).build();
        DataSet data = data(1234, 12);
        Evaluation plain;
        try (Evaluator evaluator = new Evaluator(net, 10)) {
            plain = evaluator.evaluate(data, true);
        }
        for (int round = 0; round < 5; round++) {
            try (Evaluator evaluator = new Evaluator(net, 10)) {
                Evaluator.Job job = evaluator.start(data, true);
                Thread helper = new Thread(job::work);
                helper.start();
                Evaluation shared = job.await();
                helper.join();
                assertEquals(plain, shared);
                assertEquals(Double.doubleToRawLongBits(plain.costSum()), Double.doubleToRawLongBits(shared.costSum()));
            }
        }
    }

    @Test
    void startRefusesDataOfAnotherShape() {
        Network net = Network.of(12, 9, 4).seed(8).registry(REGISTRY).build();
        try (Evaluator evaluator = new Evaluator(net, 10)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> evaluator.start(data(10, 7), false));
            assertEquals("data has 7 inputs and 4 classes; the network takes 12 and gives 4", e.getMessage());
        }
    }
}
