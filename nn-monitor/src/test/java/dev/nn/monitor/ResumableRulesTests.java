package dev.nn.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.core.data.ArrayDataSet;
import dev.nn.core.data.DataSet;
import dev.nn.core.network.Network;
import dev.nn.core.registry.PluginRegistry;
import dev.nn.train.Checkpoint;
import dev.nn.train.Checkpoints;
import dev.nn.train.Resume;
import dev.nn.train.SgdTrainer;
import dev.nn.train.StopReason;
import dev.nn.train.TrainingConfig;
import dev.nn.train.TrainingListener;
import dev.nn.train.TrainingResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The schedule and early stopping, resumed from a checkpoint with the history it kept, act as if
 * the run had never stopped: the same halvings of eta, the same stop, the same bits.
 */
class ResumableRulesTests {

    private static final PluginRegistry REGISTRY = PluginRegistry.load();
    private static final DataSet DATA = data(120, 1);
    private static final DataSet TEST = data(60, 2);

    private static DataSet data(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][8];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 8; k++) {
                x[i][k] = random.nextDouble();
            }
            labels[i] = random.nextInt(3);
        }
        return new ArrayDataSet(x, labels, 3);
    }

    /** A run's listeners: the monitor, the schedule (patience 2) and early stopping (patience 9). */
    private static List<TrainingListener> rules(EvaluationMonitor monitor) {
        return List.of(monitor, new PlateauSchedule(monitor, Metric.TEST_ACCURACY, 2),
                new EarlyStopping(monitor, Metric.TEST_ACCURACY, 9));
    }

    private static EvaluationMonitor monitor() {
        return new EvaluationMonitor(null, TEST, EnumSet.of(Metric.TEST_ACCURACY), "x", 1);
    }

    private static TrainingConfig config() {
        return TrainingConfig.builder().epochs(40).batchSize(10).eta(2.0).seed(3).build();
    }

    @Test
    void theRulesResumeAsIfTheRunHadNotStopped() throws IOException {
        Network whole = Network.of(8, 6, 3).seed(4).registry(REGISTRY).build();
        EvaluationMonitor wholeMonitor = monitor();
        TrainingResult expected = new SgdTrainer(config(), rules(wholeMonitor)).train(whole, DATA);
        assertTrue(expected.finalEta() < 2.0, "the schedule halved eta at least once: " + expected.finalEta());

        List<Checkpoint> kept = new ArrayList<>();
        List<Network> networks = new ArrayList<>();
        List<List<double[]>> states = new ArrayList<>();
        List<History> histories = new ArrayList<>();
        EvaluationMonitor firstMonitor = monitor();
        Checkpoints stopAtEight = new Checkpoints() {
            @Override
            public void save(Checkpoint c) {
                kept.add(c);
                networks.add(c.network().copy());
                List<double[]> rows = new ArrayList<>();
                c.ruleState().forEach(r -> rows.add(r.clone()));
                states.add(rows);
                histories.add(firstMonitor.history());
            }

            @Override
            public boolean stopRequested() {
                return kept.size() >= 8;
            }
        };
        List<TrainingListener> first = new ArrayList<>(rules(firstMonitor));
        TrainingResult stopped = new SgdTrainer(config(), first).train(Network.of(8, 6, 3).seed(4).registry(REGISTRY)
                .build(), DATA, stopAtEight, null);
        assertEquals(StopReason.INTERRUPTED, stopped.reason());

        int last = kept.size() - 1;
        Network resumed = Network.of(8, 6, 3).seed(4).registry(REGISTRY).build();
        resumed.setParameters(networks.get(last));
        EvaluationMonitor secondMonitor = monitor();
        List<TrainingListener> second = rules(secondMonitor);
        for (TrainingListener l : second) {
            ((Resumable) l).resumeWith(histories.get(last));
        }
        Checkpoint c = kept.get(last);
        TrainingResult result = new SgdTrainer(config(), second).train(resumed, DATA, Checkpoints.NONE,
                new Resume(c.epochsDone(), c.batchesDone(), c.eta(), states.get(last)));
        assertEquals(expected.epochsRun(), result.epochsRun());
        assertEquals(expected.finalEta(), result.finalEta(), 0.0);
        assertEquals(expected.message(), result.message());
        assertEquals(wholeMonitor.history(), secondMonitor.history());
        assertTrue(resumed.sameAs(whole));
    }
}
