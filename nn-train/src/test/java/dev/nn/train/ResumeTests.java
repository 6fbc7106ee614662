package dev.nn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.core.data.DataSet;
import dev.nn.core.network.Network;
import dev.nn.core.network.Regularization;
import dev.nn.core.registry.PluginRegistry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A run stopped and resumed from its checkpoint ends with the same bits as a run never stopped:
 * with momentum's state, dropout's masks and the per-epoch shuffles, stopped at an epoch's end or
 * in the middle of one, resumed at another thread count.
 */
class ResumeTests {

    private static final PluginRegistry REGISTRY = PluginRegistry.load();
    private static final DataSet DATA = Synthetic.data(97, 12, 5);

    /** Keeps the last checkpoint as copies, and asks to stop once {@code stopAfter} batches have run. */
    private static final class Keeper implements Checkpoints, TrainingListener {
        final int stopAfter;
        int batches;
        Checkpoint last;
        Network network;
        List<double[]> state;

        Keeper(int stopAfter) {
            this.stopAfter = stopAfter;
        }

        @Override
        public void save(Checkpoint checkpoint) {
            last = checkpoint;
            network = checkpoint.network().copy();
            state = new ArrayList<>();
            checkpoint.ruleState().forEach(row -> state.add(row.clone()));
        }

        @Override
        public boolean wantsBatches() {
            return true;
        }

        @Override
        public void batchDone(dev.nn.train.event.BatchDone event) {
            batches++;
        }

        @Override
        public boolean stopRequested() {
            return batches >= stopAfter;
        }
    }

    /**
     * Plain SGD at eta / sqrt(step), the step read from the parameter; records what each call
     * of the rule saw, as "weights 0 @3".
     */
    static final class StepwiseRule implements dev.nn.core.spi.UpdateRule {
        final List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());

        @Override
        public String id() {
            return "stepwise";
        }

        @Override
        public int stateSlots() {
            return 0;
        }

        @Override
        public void step(dev.nn.core.spi.Parameter parameter, int from, int to, double eta) {
            seen.add(parameter.name() + " " + parameter.layer() + " @" + parameter.step());
            double rate = eta / Math.sqrt(parameter.step());
            for (int i = from; i < to; i++) {
                double[] p = parameter.values(i);
                double[] g = parameter.gradient(i);
                for (int j = 0; j < p.length; j++) {
                    p[j] -= rate * g[j];
                }
            }
        }
    }

    private static TrainingConfig stepwise(StepwiseRule rule) {
        return TrainingConfig.builder().epochs(3).batchSize(10).eta(0.4).seed(11).updateRule(rule).build();
    }

    @org.junit.jupiter.api.Test
    void theRuleSeesEachParametersNameLayerAndStep() {
        StepwiseRule rule = new StepwiseRule();
        new SgdTrainer(stepwise(rule), List.of()).train(Network.of(12, 9, 3).seed(2).registry(REGISTRY).build(), DATA);
        List<String> expected = new ArrayList<>();
        for (int step = 1; step <= 30; step++) {
            for (String name : List.of("weights", "biases")) {
                for (int layer = 0; layer < 2; layer++) {
                    expected.add(name + " " + layer + " @" + step);
                }
            }
        }
        List<String> seen = new ArrayList<>(new java.util.TreeSet<>(rule.seen));
        java.util.Collections.sort(expected);
        assertEquals(expected, seen, "10 mini-batches an epoch, 3 epochs: steps 1 to 30 of both parameters of both"
                + " layers");
    }

    @org.junit.jupiter.api.Test
    void aRuleThatReadsTheStepResumesToTheSameBits() throws IOException {
        Network uninterrupted = Network.of(12, 9, 3).seed(2).registry(REGISTRY).build();
        new SgdTrainer(stepwise(new StepwiseRule()), List.of()).train(uninterrupted, DATA);
        Network stopped = Network.of(12, 9, 3).seed(2).registry(REGISTRY).build();
        Keeper keeper = new Keeper(13);
        new SgdTrainer(stepwise(new StepwiseRule()), List.of(keeper)).train(stopped, DATA, keeper, null);
        Network resumed = Network.of(12, 9, 3).seed(2).registry(REGISTRY).build();
        resumed.setParameters(keeper.network);
        StepwiseRule rule = new StepwiseRule();
        new SgdTrainer(stepwise(rule), List.of()).train(resumed, DATA, Checkpoints.NONE, new Resume(
                keeper.last.epochsDone(), keeper.last.batchesDone(), keeper.last.eta(), keeper.state));
        assertTrue(rule.seen.contains("weights 0 @14") && !rule.seen.contains("weights 0 @13"), "counted on from 13");
        assertTrue(resumed.sameAs(uninterrupted), "resumed after 13 mini-batches");
    }

    private static Network network() {
        return Network.of(12, 9, 7, 3).seed(2).registry(REGISTRY).dropout(0.3).build();
    }

    private static TrainingConfig config(int threads) {
        return TrainingConfig.builder().epochs(6).batchSize(10).eta(0.4).seed(11).threads(threads)
                .updateRule(REGISTRY.updateRule("momentum:mu=0.7"))
                .regularization(new Regularization(REGISTRY.regularizer("l2"), 0.5)).build();
    }

    /** 10 mini-batches an epoch: stopping after 30 is at an epoch's end, after 23 in the middle of one. */
    @ParameterizedTest(name = "stopped after {0} mini-batches, resumed on {1} threads")
    @CsvSource({"30, 1", "23, 1", "23, 2", "5, 2"})
    void aResumedRunEndsWithTheBitsOfAnUninterruptedOne(int stopAfter, int threads) throws IOException {
        Network uninterrupted = network();
        new SgdTrainer(config(1), List.of()).train(uninterrupted, DATA);

        Network stopped = network();
        Keeper keeper = new Keeper(stopAfter);
        TrainingResult first = new SgdTrainer(config(1), List.of(keeper)).train(stopped, DATA, keeper, null);
        assertEquals(StopReason.INTERRUPTED, first.reason());
        assertEquals(stopAfter / 10, keeper.last.epochsDone());
        assertEquals(stopAfter % 10, keeper.last.batchesDone());
        assertEquals(stopAfter % 10 == 0 ? "interrupted after epoch " + stopAfter / 10
                : "interrupted after epoch " + stopAfter / 10 + " and " + stopAfter % 10 + " mini-batches of epoch "
                        + (stopAfter / 10 + 1), first.message());

        Network resumed = network();
        resumed.setParameters(keeper.network);
        Resume from = new Resume(keeper.last.epochsDone(), keeper.last.batchesDone(), keeper.last.eta(), keeper.state);
        TrainingResult second = new SgdTrainer(config(threads), List.of()).train(resumed, DATA, Checkpoints.NONE, from);
        assertEquals(StopReason.COMPLETED, second.reason());
        assertTrue(resumed.sameAs(uninterrupted), "resumed after " + stopAfter + " mini-batches");
    }
}
