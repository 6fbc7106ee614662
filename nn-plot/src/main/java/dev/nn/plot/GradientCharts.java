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
        chart.getStyler().setYAxisLogarithmic(logY).setYAxisDecimalPattern(logY ? "0E0" : null);
        int hidden = table.layers() - 1;
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
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
                lo = Math.min(lo, norms[l]);
                hi = Math.max(hi, norms[l]);
            }
            chart.addSeries("mini-batch " + batch, xs, ys);
        }
        if (hi > 0) {
            // room above the highest point; on a log axis whole decades, so that each has its label
            chart.getStyler().setYAxisMin(logY ? Math.pow(10, Math.floor(Math.log10(lo))) : 0.0)
                    .setYAxisMax(logY ? Math.pow(10, Math.ceil(Math.log10(hi))) : 1.08 * hi);
        }
        chart.getStyler().setXAxisMin(0.75).setXAxisMax(hidden + 0.25);
        return new Figure(700, 560).add(chart, 0, 0, 700, 560);
    }
}
