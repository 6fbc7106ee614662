package dev.nn.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class GradientTableTests {

    @Test
    void printsWhatAPersonCanRead() {
        GradientTable table = new GradientTable(List.of(new GradientTable.Row(1, 2, new double[] {0.5, 3.0})));
        assertEquals("GradientTable[rows=[Row[epoch=1, batch=2, norms=[0.5, 3.0]]]]", table.toString());
    }

    @Test
    void rowsAreEqualByValue() {
        assertEquals(new GradientTable.Row(1, 2, new double[] {0.5}), new GradientTable.Row(1, 2, new double[] {0.5}));
        assertEquals(table().rows().get(0).hashCode(), table().rows().get(0).hashCode());
        assertEquals(table(), GradientTable.parseCsv(table().toCsv(), "table.csv"));
    }

    private static GradientTable table() {
        return new GradientTable(List.of(new GradientTable.Row(1, 1, new double[] {0.25, 1.5})));
    }
}
