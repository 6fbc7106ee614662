package dev.nn.data.mnist;

import dev.nn.data.mnist.testing.RealMnist;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.core.data.DataSet;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reads the real MNIST files, found as the app finds them ({@link RealMnist}). Skipped on a machine
 * without them, except under CI ({@code CI=true}), where missing files fail the build.
 */
class MnistIntegrationTests {

    private static Mnist mnist;

    @BeforeAll
    static void load() throws IOException {
        mnist = Mnist.load(RealMnist.dir());
    }

    @Test
    void sizesAndShapes() {
        assertEquals(60000, mnist.training().size());
        assertEquals(10000, mnist.test().size());
        assertEquals(784, mnist.training().inputSize());
    }

    @Test
    void firstTenTrainingLabels() {
        int[] labels = new int[10];
        for (int i = 0; i < 10; i++) {
            labels[i] = mnist.training().label(i);
        }
        assertArrayEquals(new int[] {5, 0, 4, 1, 9, 2, 1, 3, 1, 4}, labels);
    }

    @Test
    void trainingDigitCounts() {
        int[] counts = new int[10];
        for (int i = 0; i < mnist.training().size(); i++) {
            counts[mnist.training().label(i)]++;
        }
        assertArrayEquals(new int[] {5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949}, counts);
    }

    @Test
    void meanTrainingPixel() {
        DataSet training = mnist.training();
        double[] x = new double[784];
        double sum = 0;
        for (int i = 0; i < training.size(); i++) {
            training.copyInputs(i, x, 0);
            for (double v : x) {
                sum += v;
            }
        }
        assertEquals(33.3184 / 255, sum / (60000.0 * 784), 1e-4);
    }

    @Test
    void imagesAreStoredCompactly() {
        long bytes = ((MnistDataSet) mnist.training()).storageBytes() + ((MnistDataSet) mnist.test()).storageBytes();
        assertTrue(bytes < 40_000_000, "all 70000 images and labels take " + bytes + " bytes");
    }

    @Test
    void sparseAndDenseCopiesAgree() {
        double[] dense = new double[784];
        int[] idx = new int[784];
        double[] val = new double[784];
        for (int i : new int[] {0, 1, 59999}) {
            mnist.training().copyInputs(i, dense, 0);
            int count = mnist.training().copyNonZeroInputs(i, idx, val);
            int nonzero = 0;
            for (int k = 0; k < 784; k++) {
                if (dense[k] != 0) {
                    assertEquals(k, idx[nonzero]);
                    assertEquals(dense[k], val[nonzero++], 0.0);
                }
            }
            assertEquals(nonzero, count);
        }
    }

    @Test
    void nielsenSplit() {
        Mnist.Split split = mnist.nielsenSplit();
        assertEquals(50000, split.training().size());
        assertEquals(10000, split.validation().size());
        assertEquals(mnist.training().label(50000), split.validation().label(0));
        assertTrue(split.test().size() == 10000);
    }
}
