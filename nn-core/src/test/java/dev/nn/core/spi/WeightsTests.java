package dev.nn.core.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A unit's row of a layer stored by input: read, written, measured and scaled in place, in a block too. */
class WeightsTests {

    /** w[j][k] = 10 j + k for 2 units and 3 inputs, stored by input. */
    private static double[][] byInput() {
        return new double[][] {{0, 10}, {1, 11}, {2, 12}};
    }

    @Test
    void aUnitsRow() {
        double[][] stored = byInput();
        Weights w = Weights.of(stored, 2);
        assertArrayEquals(new double[] {10, 11, 12}, w.unit(1, new double[3]));
        assertEquals(10 * 10 + 11 * 11 + 12 * 12, w.unitSquaredNorm(1));
        w.scaleUnit(1, 0.5);
        assertArrayEquals(new double[] {5, 5.5, 6}, w.unit(1, new double[3]));
        w.setUnit(0, new double[] {7, 8, 9});
        assertArrayEquals(new double[][] {{7, 5}, {8, 5.5}, {9, 6}}, stored);
    }

    @Test
    void aUnitsRowInABlockOfInputs() {
        double[][] stored = byInput();
        Weights block = Weights.of(stored, 2).block(1, 3);
        assertArrayEquals(new double[] {11, 12}, block.unit(1, new double[2]));
        block.scaleUnit(0, 2);
        assertArrayEquals(new double[][] {{0, 10}, {2, 11}, {4, 12}}, stored, "only the block's inputs");
    }
}
