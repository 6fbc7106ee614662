package dev.nn.plot;

import dev.nn.monitor.History;
import dev.nn.monitor.Spike;
import dev.nn.monitor.WeightStats;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The figure of the L1 study: what the accuracy does (with its spikes marked) next to what the
 * weights do, epochs aligned. Top, training and test accuracy; middle, the sign flips of one
 * layer's weights per epoch, all and large, on a log axis; bottom, the fractions of its weights
 * below 1e-3 and exactly zero.
 */
public final class WeightCharts {

    private static final int WIDTH = 1400;
    private static final int PANEL = 380;

    private WeightCharts() {
    }

    /**
     * Draws the figure for weight layer {@code layer} (from 1) of a run.
     *
     * @param spikes the spikes of the test accuracy, marked on its curve
     */
    public static Figure spikes(History history, List<WeightStats> stats, int layer, List<Spike> spikes) {
        int[] epochs = history.epochs();
        XYChart accuracy = HistoryCharts.chart("Accuracy (" + history.label() + "), " + spikes.size()
                + " spikes of the " + history.evaluatedOn() + " accuracy marked", "epoch", "accuracy");
        Series.addLine(accuracy, "training", epochs, history.trainAccuracy(), 0);
        Series.addLine(accuracy, history.evaluatedOn(), epochs, history.testAccuracy(), 0);
        if (!spikes.isEmpty()) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (Spike s : spikes) {
                xs.add((double) s.lowestEpoch());
                ys.add(s.lowest());
            }
            XYSeries marks = accuracy.addSeries("spike", xs, ys);
            marks.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            marks.setMarker(SeriesMarkers.CIRCLE);
            marks.setMarkerColor(Color.RED);
        }
        List<WeightStats> rows = stats.stream().filter(r -> r.layer() == layer).toList();
        int[] x = rows.stream().mapToInt(WeightStats::epoch).toArray();
        XYChart flips = HistoryCharts.chart("Sign flips of layer " + layer + "'s weights per epoch", "epoch",
                "sign flips");
        flips.getStyler().setYAxisLogarithmic(true).setYAxisDecimalPattern("0E0");
        Series.addLine(flips, "all", x, positive(rows.stream().mapToDouble(r -> r.signFlips()).toArray()), 0);
        Series.addLine(flips, "|w| >= 1e-3 before and after", x,
                positive(rows.stream().mapToDouble(r -> r.largeSignFlips()).toArray()), 0);
        XYChart zeros = HistoryCharts.chart("Small weights of layer " + layer, "epoch", "fraction of weights");
        Series.addLine(zeros, "|w| < 1e-3", x, rows.stream().mapToDouble(WeightStats::fractionSmall).toArray(), 0);
        Series.addLine(zeros, "w = 0 exactly", x, rows.stream().mapToDouble(WeightStats::fractionZero).toArray(), 0);
        zeros.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        for (XYChart chart : List.of(accuracy, flips, zeros)) {
            Series.epochAxis(chart, 1, epochs.length);
        }
        return new Figure(WIDTH, 3 * PANEL).add(accuracy, 0, 0, WIDTH, PANEL).add(flips, 0, PANEL, WIDTH, PANEL)
                .add(zeros, 0, 2 * PANEL, WIDTH, PANEL);
    }

    /** A log axis cannot show 0: epochs without flips are left out of the line (NaN). */
    private static double[] positive(double[] values) {
        double[] out = values.clone();
        for (int i = 0; i < out.length; i++) {
            if (!(out[i] > 0)) {
                out[i] = Double.NaN;
            }
        }
        return out;
    }
}
