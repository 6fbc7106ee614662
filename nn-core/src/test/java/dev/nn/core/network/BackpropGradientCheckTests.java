package dev.nn.core.network;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.core.contract.FiniteDifference;
import dev.nn.core.registry.PluginRegistry;
import dev.nn.core.spi.GradientRegularizer;
import dev.nn.core.spi.Weights;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import dev.nn.core.spi.Matrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Backprop against central differences of the total cost, for every built-in cost x activation x
 * regularizer. Cross-entropy and log-likelihood need outputs in (0, 1), so they are checked after
 * sigmoid and softmax output layers; quadratic after every activation.
 */
class BackpropGradientCheckTests {

    private static final PluginRegistry REGISTRY = PluginRegistry.load();
    private static final int M = 3;
    private static final int N = 7;
    private static final long MASK_SEED = 23;

    static Stream<Arguments> combinations() {
        List<Arguments> all = new ArrayList<>();
        List<String> activations = List.of("sigmoid", "relu", "tanh", "softmax", "leaky-relu:slope=0.1");
        List<List<String>> regs = List.of(List.of(), List.of("l1"), List.of("l2"), List.of("l1", "l2"));
        for (String cost : List.of("cross-entropy", "quadratic", "log-likelihood")) {
            List<String> outputs = cost.equals("quadratic") ? activations : List.of("sigmoid", "softmax");
            for (String hidden : activations) {
                for (String output : outputs) {
                    for (List<String> reg : regs) {
                        all.add(Arguments.of(cost, hidden, output, reg));
                    }
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}->{2} {3}")
    @MethodSource("combinations")
    void backpropMatchesFiniteDifferences(String costId, String hidden, String output, List<String> regIds) {
        check(new int[] {4, 5, 4, 3}, costId, hidden, output, regIds);
    }

    /** Layers of 5, 7 and 9 units: backprop's sums over them take groups of four and a remainder. */
    @ParameterizedTest(name = "{0} {1}->{2}")
    @MethodSource("deepShapes")
    void deeperWiderNetMatchesFiniteDifferences(String costId, String hidden, String output) {
        check(new int[] {4, 6, 9, 7, 5}, costId, hidden, output, List.of("l2"));
    }

    static Stream<Arguments> deepShapes() {
        return Stream.of(Arguments.of("cross-entropy", "sigmoid", "sigmoid"), Arguments.of("quadratic", "tanh", "relu"),
                Arguments.of("log-likelihood", "relu", "softmax"));
    }

    /**
     * Through dropout layers, with the masks of the batch held fixed: the cost is that of the
     * training-mode forward pass whose generator starts from the step's seed, so it draws the same masks.
     */
    @ParameterizedTest(name = "{0} {1}->{2} dropout")
    @MethodSource("deepShapes")
    void dropoutMatchesFiniteDifferences(String costId, String hidden, String output) {
        check(new int[] {4, 6, 9, 7, 5}, costId, hidden, output, List.of("l2"), 0.4);
    }

    private static void check(int[] sizes, String costId, String hidden, String output, List<String> regIds) {
        check(sizes, costId, hidden, output, regIds, 0);
    }

    private static void check(int[] sizes, String costId, String hidden, String output, List<String> regIds,
            double dropout) {
        Network net = Network.of(sizes).seed(17).registry(REGISTRY)
                .activation(hidden).outputActivation(output).cost(costId).dropout(dropout).build();
        int outputs = sizes[sizes.length - 1];
        List<Regularization> regs = new ArrayList<>();
        for (String id : regIds) {
            regs.add(new Regularization(REGISTRY.regularizer(id), id.equals("l1") ? 0.3 : 0.2));
        }
        SplittableRandom random = new SplittableRandom(99);
        Matrix x = Matrix.of(M, 4);
        for (int i = 0; i < x.data().length; i++) {
            x.data()[i] = i % 3 == 0 ? 0.0 : random.nextDouble();
        }
        Matrix y = Matrix.of(M, outputs);
        for (int s = 0; s < M; s++) {
            y.set(s, s % 3, 1.0);
        }
        TrainingStep step = net.newTrainingStep(M, 1, new StepSettings(StepSettings.SGD.updateRule(), MASK_SEED));
        step.inputs().setTo(x);
        step.targets().setTo(y);
        step.computeGradients(M);
        for (int l = 0; l < net.layerCount(); l++) {
            checkWeights(net, step, regs, x, y, l, costId + " " + hidden + "->" + output + " " + regIds);
            checkBiases(net, step, regs, x, y, l, costId + " " + hidden + "->" + output + " " + regIds);
        }
    }

    private static double totalCost(Network net, List<Regularization> regs, Matrix x, Matrix y) {
        ForwardPass pass = new ForwardPass(net, M, RowSplitter.SERIAL, true, new SplittableRandom(MASK_SEED));
        pass.input().setTo(x);
        pass.run(M);
        return net.cost().value(pass.output(), y) / M + net.penalty(regs, N);
    }

    private static void checkWeights(Network net, TrainingStep step, List<Regularization> regs, Matrix x,
            Matrix y, int l, String label) {
        Matrix nabla = step.gradients().weights(l);
        double[][] w = net.parameterLayer(l).parameters().get(0).rows();
        for (int k = 0; k < w.length; k++) {
            double[] row = w[k];
            // each gradient regularizer's term, strength lambda/n, on this input's row of weights
            double[] regularization = new double[row.length];
            for (Regularization r : regs) {
                ((GradientRegularizer) r.regularizer()).addGradient(Weights.of(new double[][] {row}, row.length),
                        r.lambda() / N, Weights.of(new double[][] {regularization}, row.length));
            }
            for (int j = 0; j < row.length; j++) {
                double analytic = nabla.get(j, k) / M + regularization[j];
                double numeric = FiniteDifference.central(row, j, () -> totalCost(net, regs, x, y));
                assertTrue(FiniteDifference.relativeError(numeric, analytic) < FiniteDifference.TOLERANCE,
                        label + ": dC/dw[" + l + "][" + j + "][" + k + "] analytic " + analytic + " numeric " + numeric);
            }
        }
    }

    private static void checkBiases(Network net, TrainingStep step, List<Regularization> regs, Matrix x,
            Matrix y, int l, String label) {
        double[] b = net.parameterLayer(l).parameters().get(1).rows()[0];
        Matrix nabla = step.gradients().biases(l);
        for (int j = 0; j < b.length; j++) {
            double analytic = nabla.get(j, 0) / M;
            double numeric = FiniteDifference.central(b, j, () -> totalCost(net, regs, x, y));
            assertTrue(FiniteDifference.relativeError(numeric, analytic) < FiniteDifference.TOLERANCE,
                    label + ": dC/db[" + l + "][" + j + "] analytic " + analytic + " numeric " + numeric);
        }
    }
}
