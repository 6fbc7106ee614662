package dev.nn.plot;

import dev.nn.monitor.History;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The figures of a sweep: test accuracy per epoch of every point (the mean over its seeds and their
 * range), and a heat map of a two-flag grid.
 */
public final class SweepCharts {

    private SweepCharts() {
    }

    /**
     * Test accuracy against epoch, one line per point (the mean over its seeds) between thin lines of
     * the least and greatest of the seeds, in the point's colour.
     *
     * @param byPoint each point's label and the histories of its seeds, in the order to draw
     * @return the figure, or null if no history has a measured test accuracy
     */
    public static Figure testAccuracy(Map<String, List<History>> byPoint) {
        XYChart chart = HistoryCharts.chart("Test accuracy: mean over seeds, thin lines least and greatest", "epoch",
                "accuracy");
        Color[] palette = chart.getStyler().getSeriesColors();
        int last = 1;
        int drawn = 0;
        for (Map.Entry<String, List<History>> point : byPoint.entrySet()) {
            double[][] stats = meanMinMax(point.getValue());
            int[] epochs = new int[stats[0].length];
            for (int i = 0; i < epochs.length; i++) {
                epochs[i] = i + 1;
            }
            Color colour = palette[drawn % palette.length];
            if (!Series.addLine(chart, point.getKey(), epochs, stats[0], 0)) {
                continue;
            }
            XYSeries mean = chart.getSeriesMap().get(point.getKey());
            mean.setLineColor(colour);
            mean.setMarkerColor(colour);
            if (point.getValue().size() > 1) {
                Color light = new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 90);
                for (int k = 1; k <= 2; k++) {
                    String name = point.getKey() + (k == 1 ? " (least)" : " (greatest)");
                    Series.addLine(chart, name, epochs, stats[k], 0);
                    XYSeries band = chart.getSeriesMap().get(name);
                    band.setLineColor(light);
                    band.setMarker(SeriesMarkers.NONE);
                    band.setShowInLegend(false);
                    band.setLineStyle(new BasicStroke(1f));
                }
            }
            last = Math.max(last, epochs.length);
            drawn++;
        }
        if (drawn == 0) {
            return null;
        }
        Series.epochAxis(chart, 1, last);
        return new Figure(900, 640).add(chart, 0, 0, 900, 640);
    }

    /**
     * A heat map of a two-flag grid: one cell per point, coloured and labelled by the metric (a
     * missing point, one with no finished trial, is left out).
     *
     * @param value the metric by x value index, then y value index; NaN where missing
     * @return the figure, or null if no cell has a value
     */
    public static Figure heatMap(String metric, String xName, List<String> xValues, String yName,
            List<String> yValues, double[][] value) {
        List<Number[]> cells = new ArrayList<>();
        for (int x = 0; x < xValues.size(); x++) {
            for (int y = 0; y < yValues.size(); y++) {
                if (Double.isFinite(value[x][y])) {
                    cells.add(new Number[] {x, y, value[x][y]});
                }
            }
        }
        if (cells.isEmpty()) {
            return null;
        }
        HeatMapChart chart = new HeatMapChartBuilder().width(800).height(600).title(metric + ", mean over seeds")
                .xAxisTitle(xName).yAxisTitle(yName).build();
        chart.getStyler().setShowValue(true).setHeatMapValueDecimalPattern("0.0000").setChartBackgroundColor(Color.WHITE);
        // the colour bar prints its ends as doubles: ends at 4 decimals read 0.8734, not 0.8734333333333333
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Number[] cell : cells) {
            min = Math.min(min, cell[2].doubleValue());
            max = Math.max(max, cell[2].doubleValue());
        }
        double low = Math.floor(min * 1e4) / 1e4;
        double high = Math.max(Math.ceil(max * 1e4) / 1e4, low + 1e-4);
        chart.getStyler().setMin(low).setMax(high);
        chart.addSeries(metric, xValues, yValues, cells);
        return new Figure(800, 600).add(chart, 0, 0, 800, 600);
    }

    /** Per epoch (from 1), the mean, least and greatest finite test accuracy over the histories. */
    private static double[][] meanMinMax(List<History> histories) {
        int epochs = 0;
        for (History h : histories) {
            epochs = Math.max(epochs, h.testAccuracy().length);
        }
        double[][] stats = new double[3][epochs];
        for (int e = 0; e < epochs; e++) {
            List<Double> values = new ArrayList<>();
            for (History h : histories) {
                if (e < h.testAccuracy().length && Double.isFinite(h.testAccuracy()[e])) {
                    values.add(h.testAccuracy()[e]);
                }
            }
            stats[0][e] = values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            stats[1][e] = values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
            stats[2][e] = values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        }
        return stats;
    }
}
