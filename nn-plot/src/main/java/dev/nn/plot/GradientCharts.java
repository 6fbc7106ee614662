package dev.nn.plot;

import dev.nn.monitor.GradientTable;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;

/** The vanishing-gradient figure: the hidden layers' gradient norms against layer number. */
public final class GradientCharts {

    private GradientCharts() {
    }

    /**
     * One line per chosen mini-batch (numbered from 1 across the whole run) through the norms of the
     * hidden layers' {@code nabla_w} (layers 1 .. L-1; the output layer is left out, as in NNDL).
     *
     * @throws IllegalArgumentException if a chosen batch is not in the table
     */
    public static Figure hiddenLayerNorms(GradientTable table, List<Integer> batches, boolean logY) {
        XYChart chart = HistoryCharts.chart("Gradient norms of the hidden layers", "hidden layer",
                "|| nabla_w ||");
        chart.getStyler().setYAxisLogarithmic(logY).setYAxisDecimalPattern(logY ? "0.0E0" : null);
        int hidden = table.layers() - 1;
        for (int batch : batches) {
            if (batch < 1 || batch > table.rows().size()) {
                throw new IllegalArgumentException("mini-batch " + batch + " is not in the table (1.."
                        + table.rows().size() + ")");
            }
            double[] norms = table.rows().get(batch - 1).norms();
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int l = 0; l < hidden; l++) {
                xs.add((double) (l + 1));
                ys.add(norms[l]);
            }
            chart.addSeries("mini-batch " + batch, xs, ys);
        }
        return new Figure(700, 560).add(chart, 0, 0, 700, 560);
    }
}
