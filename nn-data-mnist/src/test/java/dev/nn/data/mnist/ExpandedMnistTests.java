package dev.nn.data.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nn.core.data.DataSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ExpandedMnistTests {

    private static final int SIDE = 28;

    /** Two random images, with ink in every border row and column so that every shift drops some. */
    private static MnistDataSet images() {
        SplittableRandom random = new SplittableRandom(6);
        byte[] pixels = new byte[2 * SIDE * SIDE];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextInt(3) == 0 ? (byte) random.nextInt(1, 256) : 0;
        }
        return new MnistDataSet(pixels, new byte[] {7, 2}, SIDE * SIDE);
    }

    /** expand_mnist.py's np.roll(image, d, axis) with the rolled-in row or column zeroed. */
    private static double[] shifted(double[] image, int shift) {
        double[] out = new double[image.length];
        int[] dr = {0, 1, -1, 0, 0};
        int[] dc = {0, 0, 0, 1, -1};
        for (int r = 0; r < SIDE; r++) {
            for (int c = 0; c < SIDE; c++) {
                int from = Math.floorMod(r - dr[shift], SIDE) * SIDE + Math.floorMod(c - dc[shift], SIDE);
                out[r * SIDE + c] = image[from];
            }
        }
        int zeroRow = shift == 1 ? 0 : shift == 2 ? SIDE - 1 : -1;
        int zeroColumn = shift == 3 ? 0 : shift == 4 ? SIDE - 1 : -1;
        for (int k = 0; k < SIDE; k++) {
            if (zeroRow >= 0) {
                out[zeroRow * SIDE + k] = 0;
            }
            if (zeroColumn >= 0) {
                out[k * SIDE + zeroColumn] = 0;
            }
        }
        return out;
    }

    @Test
    void eachImageThenItsFourShiftsAsExpandMnistMakesThem() {
        MnistDataSet base = images();
        DataSet expanded = Mnist.expanded(base);
        assertEquals(10, expanded.size());
        for (int i = 0; i < 10; i++) {
            double[] original = new double[SIDE * SIDE];
            base.copyInputs(i / 5, original, 0);
            double[] expected = shifted(original, i % 5);
            double[] dense = new double[SIDE * SIDE];
            expanded.copyInputs(i, dense, 0);
            assertArrayEquals(expected, dense, 0.0, "example " + i);
            int[] idx = new int[SIDE * SIDE];
            double[] val = new double[SIDE * SIDE];
            int count = expanded.copyNonZeroInputs(i, idx, val);
            double[] fromSparse = new double[SIDE * SIDE];
            for (int c = 0; c < count; c++) {
                fromSparse[idx[c]] = val[c];
                if (c > 0) {
                    assertEquals(true, idx[c] > idx[c - 1], "positions stay in increasing order");
                }
            }
            assertArrayEquals(expected, fromSparse, 0.0, "example " + i + ", nonzero pixels");
            assertEquals(base.label(i / 5), expanded.label(i));
        }
    }

    @Test
    void refusesImagesOfAnotherSize() {
        assertThrows(IllegalArgumentException.class, () -> Mnist.expanded(new dev.nn.core.data.ArrayDataSet(
                new double[][] {{0, 1, 2}}, new int[] {0}, 10)));
    }
}
