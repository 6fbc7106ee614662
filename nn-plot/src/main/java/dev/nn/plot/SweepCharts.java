package dev.nn.plot;

import dev.nn.monitor.History;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The figure of a sweep: test accuracy per epoch of every point, the mean over its seeds and their range. */
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
