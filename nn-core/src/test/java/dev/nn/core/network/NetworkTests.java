package dev.nn.core.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.core.registry.PluginRegistry;
import dev.nn.core.spi.Matrix;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class NetworkTests {

    private static final PluginRegistry REGISTRY = PluginRegistry.load();

    @Test
    void sameSeedSameWeightsBitForBit() {
        Network a = Network.of(784, 30, 10).seed(3).registry(REGISTRY).build();
        Network b = Network.of(784, 30, 10).seed(3).registry(REGISTRY).build();
        assertTrue(a.sameAs(b));
        assertFalse(a.sameAs(Network.of(784, 30, 10).seed(4).registry(REGISTRY).build()));
    }

    @Test
    void defaultInitializerScalesWeightsBySqrtOfFanIn() {
        Network net = Network.of(784, 30, 10).seed(1).registry(REGISTRY).build();
        Matrix w = net.weights(0);
        double sumSquares = 0;
        for (double v : w.data()) {
            sumSquares += v * v;
        }
        double variance = sumSquares / w.size();
        assertEquals(1.0 / 784, variance, 0.1 / 784);
    }

    @Test
    void anyLayerSizesAndMixedActivations() {
        Network deep = Network.of(784, 30, 30, 30, 30, 30, 10).registry(REGISTRY).build();
        assertEquals(6, deep.layerCount());
        Network mixed = Network.of(4, 6, 2).registry(REGISTRY).activation("relu").outputActivation("sigmoid").build();
        assertEquals("relu", mixed.activation(0).id());
        assertEquals("sigmoid", mixed.activation(1).id());
    }

    @Test
    void feedforwardMatchesEjmlReference() {
        Network net = Network.of(6, 5, 3).seed(8).registry(REGISTRY).build();
        SplittableRandom random = new SplittableRandom(2);
        DMatrixRMaj x = new DMatrixRMaj(4, 6);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = random.nextInt(3) == 0 ? 0 : random.nextDouble();
        }
        DMatrixRMaj a = x;
        for (int l = 0; l < net.layerCount(); l++) {
            DMatrixRMaj z = new DMatrixRMaj(a.numRows, net.sizes()[l + 1]);
            CommonOps_DDRM.multTransB(a, toEjml(net.weights(l)), z);
            for (int s = 0; s < z.numRows; s++) {
                for (int j = 0; j < z.numCols; j++) {
                    z.add(s, j, net.biases(l).get(j, 0));
                }
            }
            Matrix next = Matrix.of(z.numRows, z.numCols);
            net.activation(l).apply(Matrix.wrap(z.numRows, z.numCols, z.data), next);
            a = toEjml(next);
        }
        Matrix out = net.feedforward(Matrix.wrap(x.numRows, x.numCols, x.data));
        for (int i = 0; i < out.size(); i++) {
            assertEquals(a.data[i], out.data()[i], 1e-14);
        }
    }

    @Test
    void updateFollowsNetwork2() {
        Network net = Network.of(3, 2).seed(5).registry(REGISTRY).build();
        Network before = net.copy();
        TrainingStep step = net.newTrainingStep(2);
        step.inputs().setTo(Matrix.wrap(2, 3, new double[] {0.5, 0.0, 1.0, 0.2, 0.3, 0.0}));
        step.targets().setTo(Matrix.wrap(2, 2, new double[] {1, 0, 0, 1}));
        step.computeGradients(2);
        double[] nw = step.gradients().weights(0).data();
        Matrix nb = step.gradients().biases(0);
        step.update(0.5, List.of(new Regularization(REGISTRY.regularizer("l2"), 0.1)), 10);
        double factor = 1 - 0.5 * (0.1 / 10);
        double[] w0 = before.weights(0).data();
        double[] w1 = net.weights(0).data();
        for (int i = 0; i < w0.length; i++) {
            assertEquals(factor * w0[i] - (0.5 / 2) * nw[i], w1[i], 0.0);
        }
        for (int j = 0; j < 2; j++) {
            assertEquals(before.biases(0).get(j, 0) - (0.5 / 2) * nb.get(j, 0), net.biases(0).get(j, 0), 0.0);
        }
    }

    private static DMatrixRMaj toEjml(Matrix m) {
        return new DMatrixRMaj(m.rows(), m.cols(), true, java.util.Arrays.copyOf(m.data(), m.size()));
    }

    @Test
    void rejectsBadSizes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Network.of(784));
        assertEquals("a network needs at least two layer sizes (inputs and outputs), got [784]", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Network.of(784, 0, 10));
    }

    @Test
    void accessorsHandOutCopies() {
        Network net = Network.of(2, 2).registry(REGISTRY).build();
        Matrix w = net.weights(0);
        w.set(0, 0, 1e9);
        assertArrayEquals(new int[] {2, 2}, net.sizes());
        assertTrue(net.weights(0).get(0, 0) != 1e9);
    }
}
