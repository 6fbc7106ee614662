package dev.nn.core.reference;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.core.network.Network;
import dev.nn.core.network.Regularization;
import dev.nn.core.network.StepSettings;
import dev.nn.core.network.TrainingStep;
import dev.nn.core.registry.PluginRegistry;
import dev.nn.core.spi.UpdateRule;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import dev.nn.core.spi.Matrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Trains a few mini-batches through the fast path ({@link TrainingStep}) and through
 * {@link Network2Reference}, for every hidden activation x cost with its output layer x regularizer
 * x update rule x dropout, and compares every weight and bias to 1e-12 relative.
 */
class FastPathAgainstReferenceTests {

    private static final PluginRegistry REGISTRY = PluginRegistry.load();
    private static final int[] SIZES = {7, 6, 5, 3};
    private static final int M = 4;
    private static final int N = 20;
    private static final int BATCHES = 3;
    private static final double ETA = 0.3;

    static Stream<Arguments> combinations() {
        List<Arguments> all = new ArrayList<>();
        List<String[]> costs = List.of(new String[] {"cross-entropy", "sigmoid"}, new String[] {"quadratic", "tanh"},
                new String[] {"log-likelihood", "softmax"});
        List<String> regs = List.of("none", "l1", "l2", "l1-prox", "max-norm", "l2+l1-prox");
        for (String hidden : List.of("sigmoid", "tanh", "relu", "leaky-relu:slope=0.1")) {
            for (String[] cost : costs) {
                for (String reg : regs) {
                    for (String rule : List.of("sgd", "momentum:mu=0.8", "nesterov:mu=0.7")) {
                        for (double dropout : new double[] {0, 0.4}) {
                            all.add(Arguments.of(hidden, cost[0], cost[1], reg, rule, dropout));
                        }
                    }
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}/{2} {3} {4} dropout {5}")
    @MethodSource("combinations")
    void fastPathMatchesTheBook(String hidden, String cost, String output, String reg, String ruleSpec, double dropout) {
        Network net = Network.of(SIZES).seed(5).registry(REGISTRY).activation(hidden).outputActivation(output)
                .cost(cost).dropout(dropout).build();
        UpdateRule rule = REGISTRY.updateRule(ruleSpec);
        Network2Reference reference = new Network2Reference(net, rule, dropout, 77);
        List<Regularization> regs = regularizations(reg);
        SplittableRandom random = new SplittableRandom(19);
        try (TrainingStep step = net.newTrainingStep(M, 1, new StepSettings(rule, 77))) {
            for (int b = 0; b < BATCHES; b++) {
                double[][] xs = new double[M][SIZES[0]];
                double[][] ys = new double[M][SIZES[3]];
                for (int s = 0; s < M; s++) {
                    for (int k = 0; k < SIZES[0]; k++) {
                        // about half the inputs zero, as the sparse first layer expects of MNIST
                        xs[s][k] = random.nextBoolean() ? 0.0 : random.nextDouble();
                    }
                    ys[s][random.nextInt(SIZES[3])] = 1.0;
                }
                step.inputs().setTo(Matrix.of(xs));
                step.targets().setTo(Matrix.of(ys));
                step.computeGradients(M);
                step.update(ETA, regs, N);
                reference.updateMiniBatch(xs, ys, ETA, regs, N);
            }
        }
        for (int l = 0; l < SIZES.length - 1; l++) {
            Matrix w = net.weights(l);
            Matrix bias = net.biases(l);
            for (int j = 0; j < SIZES[l + 1]; j++) {
                for (int k = 0; k < SIZES[l]; k++) {
                    assertClose(reference.weight(l, j, k), w.get(j, k), "w[" + l + "][" + j + "][" + k + "]");
                }
                assertClose(reference.bias(l, j), bias.get(j, 0), "b[" + l + "][" + j + "]");
            }
        }
    }

    /**
     * A batch of 42 and a 200 x 150 hidden layer: the four-row kernels' case (a training batch of 32
     * or more, a layer of 4096 weights or more, dense inputs from a sigmoid), forward, backward and
     * update, with a tail of two rows, split between threads; also with ReLU's zeros, which break the
     * blocks. Against the reference to 1e-12, and the same bits on one thread and on two.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"sigmoid, sgd", "sigmoid, momentum:mu=0.8", "relu, sgd", "relu, nesterov:mu=0.7"})
    void wideLayersAtALargeBatchMatchTheBook(String hidden, String ruleSpec) {
        int[] sizes = {30, 200, 150, 10};
        int m = 42;
        double eta = 0.02;
        Network[] nets = new Network[2];
        for (int threads = 1; threads <= 2; threads++) {
            Network net = Network.of(sizes).seed(5).registry(REGISTRY).activation(hidden).outputActivation("sigmoid")
                    .build();
            UpdateRule rule = REGISTRY.updateRule(ruleSpec);
            Network2Reference reference = threads == 1 ? new Network2Reference(net, rule, 0, 77) : null;
            List<Regularization> regs = regularizations("l2");
            SplittableRandom random = new SplittableRandom(23);
            try (TrainingStep step = net.newTrainingStep(m, threads, new StepSettings(rule, 77))) {
                for (int b = 0; b < BATCHES; b++) {
                    double[][] xs = new double[m][sizes[0]];
                    double[][] ys = new double[m][sizes[3]];
                    for (int s = 0; s < m; s++) {
                        for (int k = 0; k < sizes[0]; k++) {
                            xs[s][k] = random.nextBoolean() ? 0.0 : random.nextDouble();
                        }
                        ys[s][random.nextInt(sizes[3])] = 1.0;
                    }
                    step.inputs().setTo(Matrix.of(xs));
                    step.targets().setTo(Matrix.of(ys));
                    step.computeGradients(m);
                    if (b == 0 && threads == 1 && hidden.equals("sigmoid")) {
                        assertTrue(step.kernels().get(1).endsWith("200 -> 150: dense rows, four-row kernels"),
                                step.kernels().toString());
                    }
                    step.update(eta, regs, 1000);
                    if (reference != null) {
                        reference.updateMiniBatch(xs, ys, eta, regs, 1000);
                    }
                }
            }
            if (reference != null) {
                for (int l = 0; l < sizes.length - 1; l++) {
                    for (int j = 0; j < sizes[l + 1]; j++) {
                        for (int k = 0; k < sizes[l]; k++) {
                            assertClose(reference.weight(l, j, k), net.weights(l).get(j, k),
                                    "w[" + l + "][" + j + "][" + k + "]");
                        }
                        assertClose(reference.bias(l, j), net.biases(l).get(j, 0), "b[" + l + "][" + j + "]");
                    }
                }
            }
            nets[threads - 1] = net;
        }
        assertTrue(nets[0].sameAs(nets[1]), "the same bits on one thread and on two");
    }

    private static List<Regularization> regularizations(String spec) {
        List<Regularization> regs = new ArrayList<>();
        if (!spec.equals("none")) {
            for (String id : spec.split("\\+")) {
                double lambda = id.equals("max-norm") ? 0.9 : 0.5;
                regs.add(new Regularization(REGISTRY.regularizer(id), lambda));
            }
        }
        return regs;
    }

    private static void assertClose(double expected, double actual, String what) {
        double scale = Math.max(Math.max(Math.abs(expected), Math.abs(actual)), 1e-2);
        assertTrue(Math.abs(expected - actual) <= 1e-12 * scale,
                what + ": reference " + expected + ", fast path " + actual);
    }
}
