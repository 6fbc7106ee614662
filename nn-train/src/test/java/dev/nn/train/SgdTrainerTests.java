package dev.nn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.nn.core.data.DataSet;
import dev.nn.core.network.Evaluation;
import dev.nn.core.network.Evaluator;
import dev.nn.core.network.Network;
import dev.nn.core.network.Regularization;
import dev.nn.core.registry.PluginRegistry;
import dev.nn.train.event.BatchDone;
import dev.nn.train.event.EpochDone;
import dev.nn.train.event.EpochStarted;
import dev.nn.train.event.TrainingFinished;
import dev.nn.train.event.TrainingStarted;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

class SgdTrainerTests {

    private static final PluginRegistry REGISTRY = PluginRegistry.load();
    private final DataSet data = Synthetic.data(95, 8, 1);

    private Network net(long seed) {
        return Network.of(8, 6, 3).seed(seed).registry(REGISTRY).build();
    }

    private static TrainingConfig.Builder config() {
        return TrainingConfig.builder().epochs(3).batchSize(10).eta(0.5).seed(7);
    }

    @Test
    void eventsArriveInTheDocumentedOrder() {
        TrainingListener listener = mock(TrainingListener.class);
        when(listener.wantsBatches()).thenReturn(true);
        new SgdTrainer(config().epochs(2).build(), List.of(listener)).train(net(1), data);
        InOrder order = inOrder(listener);
        order.verify(listener).trainingStarted(any(TrainingStarted.class));
        for (int epoch = 1; epoch <= 2; epoch++) {
            order.verify(listener).epochStarted(new EpochStarted(epoch, 0.5));
            order.verify(listener, times(10)).batchDone(any(BatchDone.class));
            order.verify(listener).epochDone(any(EpochDone.class), any(TrainingControl.class));
        }
        order.verify(listener).trainingFinished(new TrainingFinished(2, StopReason.COMPLETED, "completed 2 epochs"));
        order.verifyNoMoreInteractions();
    }

    @Test
    void oneEpochIsSingular() {
        TrainingResult result = new SgdTrainer(config().epochs(1).build(), List.of()).train(net(1), data);
        assertEquals("completed 1 epoch", result.message());
    }

    @Test
    void batchEventsOnlyForListenersThatAsk() {
        TrainingListener quiet = mock(TrainingListener.class);
        new SgdTrainer(config().build(), List.of(quiet)).train(net(1), data);
        verify(quiet, never()).batchDone(any());
        verify(quiet, times(3)).epochDone(any(), any());
    }

    @Test
    void batchEventCarriesTheBatchGradients() {
        List<double[]> norms = new ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void batchDone(BatchDone event) {
                norms.add(new double[] {event.gradients().weightNorm(0), event.gradients().weightNorm(1)});
                assertEquals(event.batch() == 10 ? 5 : 10, event.gradients().batchSize());
            }

            @Override
            public boolean wantsBatches() {
                return true;
            }
        };
        new SgdTrainer(config().epochs(1).build(), List.of(listener)).train(net(1), data);
        assertEquals(10, norms.size());
        assertTrue(norms.get(0)[0] > 0 && norms.get(0)[1] > 0);
    }

    @Test
    void failingListenerIsReportedAndTrainingGoesOn() {
        TrainingListener broken = mock(TrainingListener.class);
        doThrow(new IllegalStateException("boom")).when(broken).epochDone(any(), any());
        TrainingListener healthy = mock(TrainingListener.class);
        TrainingResult result = new SgdTrainer(config().build(), List.of(broken, healthy)).train(net(1), data);
        assertEquals(3, result.epochsRun());
        verify(healthy, times(3)).epochDone(any(), any());
        assertEquals(3, result.listenerFailures().size());
        ListenerFailure first = result.listenerFailures().get(0);
        assertEquals("epochDone(epoch 1)", first.event());
        assertEquals(broken.getClass().getName(), first.listener());
        assertEquals("boom", first.error().getMessage());
    }

    @Test
    void errorsAreNotSwallowed() {
        TrainingListener fatal = mock(TrainingListener.class);
        doThrow(new OutOfMemoryError("test")).when(fatal).epochStarted(any());
        assertThrows(OutOfMemoryError.class, () -> new SgdTrainer(config().build(), List.of(fatal)).train(net(1), data));
    }

    @Test
    void aListenerCanStopEarly() {
        TrainingListener stopper = new TrainingListener() {
            @Override
            public void epochDone(EpochDone event, TrainingControl control) {
                if (event.epoch() == 2) {
                    control.requestStop("enough");
                }
            }
        };
        TrainingResult result = new SgdTrainer(config().epochs(10).build(), List.of(stopper)).train(net(1), data);
        assertEquals(2, result.epochsRun());
        assertEquals(StopReason.STOPPED, result.reason());
        assertEquals("stopped after epoch 2: enough", result.message());
    }

    @Test
    void aListenerCanChangeEtaBetweenEpochs() {
        TrainingListener halver = new TrainingListener() {
            @Override
            public void epochDone(EpochDone event, TrainingControl control) {
                control.setEta(control.eta() / 2);
            }
        };
        TrainingListener seen = mock(TrainingListener.class);
        TrainingResult result = new SgdTrainer(config().build(), List.of(halver, seen)).train(net(1), data);
        ArgumentCaptor<EpochStarted> started = ArgumentCaptor.forClass(EpochStarted.class);
        verify(seen, times(3)).epochStarted(started.capture());
        assertEquals(List.of(0.5, 0.25, 0.125), started.getAllValues().stream().map(EpochStarted::eta).toList());
        assertEquals(0.0625, result.finalEta(), 0.0);
    }

    @Test
    void sameSeedSameWeightsBitForBit() {
        Network a = net(3);
        Network b = net(3);
        Regularization l2 = new Regularization(REGISTRY.regularizer("l2"), 0.1);
        new SgdTrainer(config().regularization(l2).build(), List.of()).train(a, data);
        new SgdTrainer(config().regularization(l2).build(), List.of()).train(b, data);
        assertTrue(a.sameAs(b));
        Network c = net(3);
        new SgdTrainer(config().regularization(l2).seed(8).build(), List.of()).train(c, data);
        assertFalse(a.sameAs(c), "another shuffle seed gives other weights");
    }

    @Test
    void threadCountDoesNotChangeABit() {
        Network one = Network.of(784, 30, 10).seed(5).registry(REGISTRY).build();
        Network two = Network.of(784, 30, 10).seed(5).registry(REGISTRY).build();
        Network three = Network.of(784, 30, 10).seed(5).registry(REGISTRY).build();
        DataSet wide = wideData();
        Regularization l2 = new Regularization(REGISTRY.regularizer("l2"), 5.0);
        new SgdTrainer(config().regularization(l2).threads(1).build(), List.of()).train(one, wide);
        new SgdTrainer(config().regularization(l2).threads(2).build(), List.of()).train(two, wide);
        new SgdTrainer(config().regularization(l2).threads(3).build(), List.of()).train(three, wide);
        assertTrue(one.sameAs(two), "1 vs 2 threads");
        assertTrue(one.sameAs(three), "1 vs 3 threads");
        try (Evaluator serial = new Evaluator(one, 64, 1); Evaluator parallel = new Evaluator(one, 64, 2)) {
            assertEquals(serial.evaluate(wide, true), parallel.evaluate(wide, true));
        }
        // threads claim the batches one at a time: 13 batches among 3 threads, in whatever order
        try (Evaluator serial = new Evaluator(one, 16, 1); Evaluator parallel = new Evaluator(one, 16, 3)) {
            Evaluation expected = serial.evaluate(wide, true);
            for (int run = 0; run < 20; run++) {
                assertEquals(expected, parallel.evaluate(wide, true));
            }
        }
    }

    /** Layers wide enough that every pass splits its rows between threads, with every new part of the engine on. */
    @Test
    void threadCountDoesNotChangeABitWithDropoutMomentumAndProximalSteps() {
        DataSet wide = wideData();
        Network[] nets = new Network[3];
        for (int t = 0; t < 3; t++) {
            nets[t] = Network.of(784, 100, 30, 10).seed(5).registry(REGISTRY).dropout(0.3).build();
            TrainingConfig config = config().batchSize(20).updateRule(REGISTRY.updateRule("nesterov:mu=0.8"))
                    .regularization(new Regularization(REGISTRY.regularizer("l2"), 1.0))
                    .regularization(new Regularization(REGISTRY.regularizer("l1-prox"), 0.5))
                    .regularization(new Regularization(REGISTRY.regularizer("max-norm"), 2.0)).threads(t + 1).build();
            new SgdTrainer(config, List.of()).train(nets[t], wide);
        }
        assertTrue(nets[0].isFinite());
        assertTrue(nets[0].sameAs(nets[1]), "1 vs 2 threads");
        assertTrue(nets[0].sameAs(nets[2]), "1 vs 3 threads");
        assertFalse(nets[0].sameAs(Network.of(784, 100, 30, 10).seed(5).registry(REGISTRY).dropout(0.3).build()),
                "training changed the weights");
    }

    private static DataSet wideData() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(4);
        double[][] x = new double[200][784];
        int[] labels = new int[200];
        for (int i = 0; i < 200; i++) {
            for (int k = 0; k < 784; k++) {
                x[i][k] = random.nextInt(5) == 0 ? random.nextInt(256) / 255.0 : 0.0;
            }
            labels[i] = random.nextInt(10);
        }
        return new dev.nn.core.data.ArrayDataSet(x, labels, 10);
    }

    @Test
    void divergenceStopsWithTheEpochAndBatchAndKeepsTheLastGoodNetwork() {
        // unbounded ReLU units: a huge eta sends the weights, then the outputs, to infinity
        Network net = Network.of(8, 6, 3).seed(1).registry(REGISTRY).activation("relu").build();
        TrainingListener listener = mock(TrainingListener.class);
        DivergenceException e = assertThrows(DivergenceException.class,
                () -> new SgdTrainer(config().eta(1e300).epochs(5).build(), List.of(listener)).train(net, data));
        assertTrue(e.getMessage().startsWith("training diverged in epoch " + e.epoch() + ", "), e.getMessage());
        assertTrue(e.getMessage().contains("the cost or the weights became NaN or infinite (eta 1.0E300)"),
                e.getMessage());
        assertTrue(e.lastGoodNetwork().isFinite());
        assertTrue(net.isFinite(), "the trained network is reset to the last good parameters");
        assertTrue(net.sameAs(e.lastGoodNetwork()));
        ArgumentCaptor<TrainingFinished> finished = ArgumentCaptor.forClass(TrainingFinished.class);
        verify(listener).trainingFinished(finished.capture());
        assertEquals(StopReason.DIVERGED, finished.getValue().reason());
    }

    /** A plugin rule that is plain SGD and says so: the engine fuses its step and never calls step(). */
    public static final class PlainRule implements dev.nn.core.spi.UpdateRule {
        @Override
        public String id() {
            return "plain";
        }

        @Override
        public int stateSlots() {
            return 0;
        }

        @Override
        public void step(dev.nn.core.spi.Parameter parameter, int from, int to, double eta) {
            throw new AssertionError("the fused step runs in its place");
        }

        @Override
        public boolean isPlainSgd() {
            return true;
        }
    }

    @Test
    void aRuleThatIsPlainSgdGetsTheFusedStepWhateverItsClass() {
        Network sgd = net(4);
        Regularization l2 = new Regularization(REGISTRY.regularizer("l2"), 0.3);
        new SgdTrainer(config().regularization(l2).build(), List.of()).train(sgd, data);
        Network plain = net(4);
        new SgdTrainer(config().regularization(l2).updateRule(new PlainRule()).build(), List.of()).train(plain, data);
        assertTrue(plain.sameAs(sgd), "the same bits as the built-in sgd");
    }

    /** A plugin activation that gives NaN above 0.5, as a buggy one might. */
    public static final class BrokenActivation implements dev.nn.core.spi.ElementwiseActivation {
        @Override
        public String id() {
            return "broken";
        }

        @Override
        public double value(double z) {
            return z > 0.5 ? Double.NaN : 1 / (1 + Math.exp(-z));
        }

        @Override
        public double derivative(double z, double a) {
            return a * (1 - a);
        }
    }

    @Test
    void divergenceNamesThePluginThatGaveNaN() {
        PluginRegistry registry = PluginRegistry.of(List.of(new BrokenActivation(), REGISTRY.activation("sigmoid"),
                REGISTRY.cost("cross-entropy"), REGISTRY.initializer("default"), REGISTRY.updateRule("sgd")));
        Network net = Network.of(8, 6, 3).seed(1).registry(registry).activation("broken").build();
        DivergenceException e = assertThrows(DivergenceException.class,
                () -> new SgdTrainer(config().build(), List.of()).train(net, data));
        assertTrue(e.getMessage().contains("the cost or the weights became NaN or infinite (activation 'broken' gives"
                + " NaN at z = 1.0)"), e.getMessage());
    }

    @Test
    void divergenceInALaterEpochResetsToTheStartOfThatEpoch() {
        // ReLU units with the quadratic cost train at a small eta and blow up at a huge one
        Network net = Network.of(8, 6, 3).seed(1).registry(REGISTRY).activation("relu").cost("quadratic").build();
        Network[] startOfEpoch3 = new Network[1];
        TrainingListener blowUpAfterEpoch2 = new TrainingListener() {
            @Override
            public void epochDone(EpochDone event, TrainingControl control) {
                if (event.epoch() == 2) {
                    startOfEpoch3[0] = event.network().copy();
                    control.setEta(1e300);
                }
            }
        };
        DivergenceException e = assertThrows(DivergenceException.class,
                () -> new SgdTrainer(config().eta(0.01).epochs(5).build(), List.of(blowUpAfterEpoch2)).train(net, data));
        assertEquals(3, e.epoch(), e.getMessage());
        assertTrue(net.sameAs(startOfEpoch3[0]), "reset to the parameters epoch 3 started from");
        assertTrue(e.lastGoodNetwork().sameAs(startOfEpoch3[0]));
    }

    @Test
    void rejectsBadConfigurationNamingTheParameter() {
        assertEquals("epochs must be >= 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> config().epochs(0).build()).getMessage());
        assertEquals("batch size must be >= 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> config().batchSize(0).build()).getMessage());
        assertEquals("eta must be a finite number > 0, got -0.5", assertThrows(IllegalArgumentException.class,
                () -> config().eta(-0.5).build()).getMessage());
        assertEquals("eta must be a finite number > 0, got NaN", assertThrows(IllegalArgumentException.class,
                () -> config().eta(Double.NaN).build()).getMessage());
        assertEquals("lambda for l2 must be a finite number >= 0, got -1.0", assertThrows(
                IllegalArgumentException.class, () -> new Regularization(REGISTRY.regularizer("l2"), -1)).getMessage());
        assertEquals("layer sizes do not fit the data: the network takes 5 inputs (sizes[0]) but each training example"
                + " has 8", assertThrows(IllegalArgumentException.class, () -> new SgdTrainer(config().build(),
                        List.of()).train(Network.of(5, 3).registry(REGISTRY).build(), data)).getMessage());
    }

    @Test
    void hintsAtEachNextBatchWhileTheCurrentOneComputes() {
        List<String> reads = new ArrayList<>();
        DataSet recorded = new Recording(data, reads);
        Network hinted = net(3);
        new SgdTrainer(config().build(), List.of()).train(hinted, recorded);
        Network plain = net(3);
        new SgdTrainer(config().build(), List.of()).train(plain, data);
        assertTrue(java.util.Arrays.equals(plain.weights(0).data(), hinted.weights(0).data()), "hints change nothing");
        // per epoch of 95 examples: batch 1 loaded, then each next batch hinted at before this one
        // computes and loaded after it, the last batch (5 examples) hinted at but never beyond it
        assertEquals(3 * (95 + 85), reads.size());
        int at = 0;
        for (int epoch = 0; epoch < 3; epoch++) {
            List<String> loads = new ArrayList<>();
            for (int b = 0; b < 10; b++) {
                int size = b < 9 ? 10 : 5;
                if (b > 0) {
                    for (int s = 0; s < size; s++) {
                        String hint = reads.get(at + s);
                        assertEquals("load" + hint.substring(4), reads.get(at + size + s), "epoch " + epoch);
                    }
                    at += size;
                }
                for (int s = 0; s < size; s++) {
                    assertTrue(reads.get(at + s).startsWith("load "), reads.get(at + s));
                    loads.add(reads.get(at + s));
                }
                at += size;
            }
            assertEquals(95, new java.util.HashSet<>(loads).size(), "every example once per epoch");
        }
    }

    @Test
    void learnsTheSyntheticProblem() {
        Network net = net(2);
        DataSet train = Synthetic.data(600, 8, 11);
        new SgdTrainer(config().epochs(30).eta(1.0).build(), List.of()).train(net, train);
        try (Evaluator evaluator = new Evaluator(net)) {
            assertTrue(evaluator.evaluate(Synthetic.data(300, 8, 12), false).accuracy() > 0.8);
        }
    }

    /** network3.py's order: every epoch visits the examples as the data has them. */
    @Test
    void withoutShufflingEveryEpochVisitsTheDataInItsOrder() {
        List<String> reads = new ArrayList<>();
        DataSet recorded = new Recording(data, reads);
        new SgdTrainer(config().epochs(2).shuffle(false).build(), List.of()).train(net(3), recorded);
        List<String> expected = new ArrayList<>();
        for (int epoch = 0; epoch < 2; epoch++) {
            for (int i = 0; i < data.size(); i++) {
                expected.add("load " + i);
            }
        }
        assertEquals(expected, reads.stream().filter(r -> r.startsWith("load ")).toList());
        Network a = net(3);
        Network b = net(3);
        new SgdTrainer(config().shuffle(false).seed(1).build(), List.of()).train(a, data);
        new SgdTrainer(config().shuffle(false).seed(2).build(), List.of()).train(b, data);
        assertTrue(a.sameAs(b), "without shuffles or dropout the seed changes nothing");
    }

    /**
     * network3.py's L2 term, 0.5 lambda sum(w^2) / (n / m) with n / m the whole mini-batches, is
     * network2.py's lambda / 2n with lambda scaled by n / (n / m): 0.25 per 8 mini-batches of 10 is
     * 2.5 per 80 examples.
     */
    @Test
    void penaltiesPerBatchDivideByTheWholeMiniBatches() {
        assertEquals(9, config().penaltiesPerBatch(true).build().penaltyScale(95));
        assertEquals(95, config().build().penaltyScale(95));
        assertEquals(5000, config().penaltiesPerBatch(true).build().penaltyScale(50000));
        DataSet eighty = data.first(80);
        Network perBatch = net(3);
        Network perExample = net(3);
        new SgdTrainer(config().penaltiesPerBatch(true).regularization(new Regularization(REGISTRY.regularizer("l2"),
                0.25)).build(), List.of()).train(perBatch, eighty);
        new SgdTrainer(config().regularization(new Regularization(REGISTRY.regularizer("l2"), 0.25 * 10)).build(),
                List.of()).train(perExample, eighty);
        assertTrue(perBatch.sameAs(perExample), "lambda per 8 mini-batches = 10 lambda per 80 examples");
        Network plain = net(3);
        new SgdTrainer(config().regularization(new Regularization(REGISTRY.regularizer("l2"), 0.25)).build(),
                List.of()).train(plain, eighty);
        assertFalse(perBatch.sameAs(plain));
    }

    /** A data set that logs each example loaded ("load i") and each prefetch hint ("hint i"). */
    private static final class Recording implements DataSet {
        private final DataSet data;
        private final List<String> reads;

        Recording(DataSet data, List<String> reads) {
            this.data = data;
            this.reads = reads;
        }

        @Override
        public int size() {
            return data.size();
        }

        @Override
        public int inputSize() {
            return data.inputSize();
        }

        @Override
        public int classes() {
            return data.classes();
        }

        @Override
        public int label(int i) {
            return data.label(i);
        }

        @Override
        public void copyInputs(int i, double[] dst, int offset) {
            data.copyInputs(i, dst, offset);
        }

        @Override
        public void copyTarget(int i, double[] dst, int offset) {
            reads.add("load " + i);
            data.copyTarget(i, dst, offset);
        }

        @Override
        public int prefetch(int i) {
            reads.add("hint " + i);
            return i;
        }
    }
}
