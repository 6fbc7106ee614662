package dev.nn.core.reference;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.core.data.ArrayDataSet;
import dev.nn.core.layer.Shape;
import dev.nn.core.network.Gradients;
import dev.nn.core.network.Network;
import dev.nn.core.network.StepSettings;
import dev.nn.core.network.TrainingStep;
import dev.nn.core.registry.PluginRegistry;
import dev.nn.core.spi.Matrix;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Chapter 6's fast path (conv, pool, dense, softmax) against {@link Network3Reference}: the gradients
 * of a mini-batch to 1e-12, and training bit-identical at any thread count.
 */
class ConvAgainstReferenceTests {

    private static final PluginRegistry REGISTRY = PluginRegistry.load();
    private static final String NET = "conv:3:3,pool:2,dense:5,softmax:4";
    private static final Shape INPUT = new Shape(2, 8, 9);
    private static final int M = 6;

    private static Network network(long seed) {
        return Network.from(INPUT).layers(NET).seed(seed).registry(REGISTRY).activation("sigmoid")
                .cost("log-likelihood").build();
    }

    /** Sparse inputs, about half zero, as MNIST's are mostly zero. */
    private static double[][] inputs(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] xs = new double[n][INPUT.size()];
        for (double[] x : xs) {
            for (int i = 0; i < x.length; i++) {
                x[i] = random.nextBoolean() ? 0 : random.nextDouble();
            }
        }
        return xs;
    }

    @Test
    void theGradientsOfABatchAreTheReferences() {
        Network net = network(4);
        Network3Reference ref = new Network3Reference(2, 8, 9, 3, 3, 5, 4);
        Matrix w1 = net.weights(0);
        for (int f = 0; f < 3; f++) {
            ref.b1[f] = net.biases(0).get(f, 0);
            for (int q = 0; q < w1.cols(); q++) {
                ref.w1[f][q / 9][q / 3 % 3][q % 3] = w1.get(f, q);
            }
        }
        copy(net.weights(1), net.biases(1), ref.w2, ref.b2);
        copy(net.weights(2), net.biases(2), ref.w3, ref.b3);
        double[][] xs = inputs(M, 8);
        int[] labels = {0, 3, 1, 2, 2, 0};
        ref.backprop(xs, labels);
        try (TrainingStep step = net.newTrainingStep(M, 2, StepSettings.SGD)) {
            for (int s = 0; s < M; s++) {
                System.arraycopy(xs[s], 0, step.inputs().data(), s * INPUT.size(), INPUT.size());
                step.targets().set(s, labels[s], 1.0);
            }
            step.inputs().setRows(M);
            step.targets().setRows(M);
            assertTrue(step.computeGradients(M));
            Gradients g = step.gradients();
            for (int f = 0; f < 3; f++) {
                close(ref.nb1[f], g.biases(0).get(f, 0), "nabla_b conv[" + f + "]");
                for (int q = 0; q < 18; q++) {
                    close(ref.nw1[f][q / 9][q / 3 % 3][q % 3], g.weights(0).get(f, q), "nabla_w conv[" + f + "][" + q + "]");
                }
            }
            compare(ref.nw2, ref.nb2, g, 1, "dense");
            compare(ref.nw3, ref.nb3, g, 2, "softmax");
        }
    }

    /** Large enough that the engine splits the examples and the weight rows between two threads. */
    private static final Shape WIDE = new Shape(1, 20, 20);

    @Test
    void trainingGivesTheSameBitsAtAnyThreadCount() {
        SplittableRandom random = new SplittableRandom(9);
        double[][] xs = new double[60][WIDE.size()];
        for (double[] x : xs) {
            for (int i = 0; i < x.length; i++) {
                x[i] = random.nextBoolean() ? 0 : random.nextDouble();
            }
        }
        int[] labels = new int[60];
        for (int s = 0; s < 60; s++) {
            labels[s] = s % 4;
        }
        ArrayDataSet data = new ArrayDataSet(xs, labels, 4);
        Network one = train(data, 1);
        Network two = train(data, 2);
        assertTrue(one.sameAs(two), "1 and 2 threads give the same parameters, bit for bit");
    }

    private static Network train(ArrayDataSet data, int threads) {
        Network net = Network.from(WIDE).layers("conv:16:5,pool:2,dense:10,softmax:4").seed(5).registry(REGISTRY)
                .cost("log-likelihood").build();
        try (TrainingStep step = net.newTrainingStep(10, threads, new StepSettings(REGISTRY.updateRule("momentum"), 1))) {
            for (int epoch = 0; epoch < 2; epoch++) {
                for (int start = 0; start < data.size(); start += 10) {
                    for (int s = 0; s < 10; s++) {
                        step.load(s, data, start + s);
                    }
                    step.computeGradients(10);
                    step.update(0.5, List.of(), data.size());
                }
            }
        }
        return net;
    }

    private static void copy(Matrix w, Matrix b, double[][] rw, double[] rb) {
        for (int j = 0; j < rw.length; j++) {
            rb[j] = b.get(j, 0);
            for (int q = 0; q < rw[j].length; q++) {
                rw[j][q] = w.get(j, q);
            }
        }
    }

    private static void compare(double[][] rw, double[] rb, Gradients g, int l, String what) {
        Matrix w = g.weights(l);
        Matrix b = g.biases(l);
        for (int j = 0; j < rw.length; j++) {
            close(rb[j], b.get(j, 0), "nabla_b " + what + "[" + j + "]");
            for (int q = 0; q < rw[j].length; q++) {
                close(rw[j][q], w.get(j, q), "nabla_w " + what + "[" + j + "][" + q + "]");
            }
        }
    }

    private static void close(double expected, double actual, String what) {
        assertTrue(Math.abs(expected - actual) <= 1e-12 * Math.max(1, Math.abs(expected)),
                what + ": reference " + expected + ", fast path " + actual);
    }
}
