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
import org.knowm.xchart.style.Styler;
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
     * the least and greatest of the seeds, in the point's colour; see {@link #testAccuracy(Map, List)}.
     */
    public static Figure testAccuracy(Map<String, List<History>> byPoint) {
        return testAccuracy(byPoint, List.of());
    }

    /**
     * Test accuracy against epoch, one line per point: the mean over its seeds between thin lines of
     * the least and greatest of them, in the point's colour (a lighter tint of it, opaque, so that
     * crossing bands make no colour of their own). The mean is drawn while every seed of the point
     * runs; where successive halving stopped some, the seeds that went on are drawn one by one, so
     * that the mean does not step up as the weaker seeds leave. With more points than fit below the
     * plot, the legend goes to its right.
     *
     * @param byPoint each point's label and the histories of its seeds, in the order to draw
     * @param rungs the epochs at which successive halving's rungs end (dotted lines), or none
     * @return the figure, or null if no history has a measured test accuracy
     */
    public static Figure testAccuracy(Map<String, List<History>> byPoint, List<Integer> rungs) {
        return accuracy("Test accuracy", byPoint, rungs);
    }

    /**
     * As {@link #testAccuracy(Map, List)}, titled by {@code metric}: "Validation accuracy" for trials
     * that held out validation data and measured that.
     */
    public static Figure accuracy(String metric, Map<String, List<History>> byPoint, List<Integer> rungs) {
        XYChart chart = accuracyChart(metric, byPoint, rungs);
        if (chart == null) {
            return null;
        }
        int width = byPoint.size() > 4 ? 1100 : 900;
        return new Figure(width, 640).add(chart, 0, 0, width, 640);
    }

    /** The chart of {@link #accuracy}, or null if nothing was measured. */
    static XYChart accuracyChart(String metric, Map<String, List<History>> byPoint, List<Integer> rungs) {
        XYChart chart = HistoryCharts.chart(metric + ": mean over seeds, thin lines least and greatest", "epoch",
                "accuracy");
        boolean wide = byPoint.size() > 4;
        if (wide) {
            chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE)
                    .setLegendLayout(Styler.LegendLayout.Vertical);
        }
        Color[] palette = chart.getStyler().getSeriesColors();
        int last = 1;
        int drawn = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, List<History>> point : byPoint.entrySet()) {
            List<History> seeds = point.getValue();
            double[][] stats = meanMinMax(seeds);
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
            Color tint = new Color(tint(colour.getRed()), tint(colour.getGreen()), tint(colour.getBlue()));
            if (seeds.size() > 1) {
                for (int k = 1; k <= 2; k++) {
                    thin(chart, point.getKey() + (k == 1 ? " (least)" : " (greatest)"), epochs, stats[k], 0, tint);
                }
            }
            // the seeds that ran on where others stopped, each on its own from the last common epoch
            int common = stats[0].length;
            for (int k = 0; k < seeds.size(); k++) {
                double[] own = seeds.get(k).testAccuracy();
                if (own.length > common) {
                    int[] x = new int[own.length];
                    for (int i = 0; i < x.length; i++) {
                        x[i] = i + 1;
                    }
                    thin(chart, point.getKey() + " (seed " + (k + 1) + ")", x, own, common, colour);
                }
            }
            for (History h : seeds) {
                for (double v : h.testAccuracy()) {
                    if (Double.isFinite(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
                last = Math.max(last, h.testAccuracy().length);
            }
            drawn++;
        }
        if (drawn == 0) {
            return null;
        }
        for (int rung : rungs) {
            if (rung < last && lo <= hi) {
                XYSeries mark = chart.addSeries("rung at epoch " + rung, new double[] {rung, rung}, new double[] {lo, hi});
                mark.setLineColor(Color.GRAY);
                mark.setMarker(SeriesMarkers.NONE);
                mark.setShowInLegend(false);
                mark.setLineStyle(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                        new float[] {2f, 4f}, 0f));
            }
        }
        Series.epochAxis(chart, 1, last);
        return chart;
    }

    /** A channel of a colour 60% of the way to white. */
    private static int tint(int channel) {
        return channel + (int) Math.round((255 - channel) * 0.6);
    }

    /** A thin line, not in the legend. */
    private static void thin(XYChart chart, String name, int[] x, double[] y, int fromX, Color colour) {
        if (Series.addLine(chart, name, x, y, fromX)) {
            XYSeries s = chart.getSeriesMap().get(name);
            s.setLineColor(colour);
            s.setMarker(SeriesMarkers.NONE);
            s.setShowInLegend(false);
            s.setLineStyle(new BasicStroke(1f));
        }
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

    /**
     * Per epoch (from 1), the mean, least and greatest finite test accuracy over the histories, for
     * the epochs every history has.
     */
    private static double[][] meanMinMax(List<History> histories) {
        int epochs = Integer.MAX_VALUE;
        for (History h : histories) {
            epochs = Math.min(epochs, h.testAccuracy().length);
        }
        double[][] stats = new double[3][histories.isEmpty() ? 0 : epochs];
        for (int e = 0; e < stats[0].length; e++) {
            List<Double> values = new ArrayList<>();
            for (History h : histories) {
                if (Double.isFinite(h.testAccuracy()[e])) {
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
