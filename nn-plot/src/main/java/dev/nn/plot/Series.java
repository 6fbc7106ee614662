package dev.nn.plot;

import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Adds line series to charts, dropping points whose value was not measured (NaN). */
final class Series {

    private Series() {
    }

    /**
     * Sets an x axis of epochs {@code from .. to} with ticks at round numbers (0, 50, 100, ...).
     * XChart puts ticks only at data points when the points and the axis ends are equally spaced
     * (1, 20, 39, ... for 400 epochs), so the axis runs from half an epoch before the first.
     */
    static void epochAxis(XYChart chart, int from, int to) {
        chart.getStyler().setXAxisMin(from - 0.5).setXAxisMax((double) Math.max(to, from + 1));
    }

    /** Adds the points (x[i], y[i]) with finite y and x[i] >= fromX; returns false if none is left. */
    static boolean addLine(XYChart chart, String name, int[] x, double[] y, int fromX) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (x[i] >= fromX && Double.isFinite(y[i])) {
                xs.add((double) x[i]);
                ys.add(y[i]);
            }
        }
        if (xs.isEmpty()) {
            return false;
        }
        XYSeries s = chart.addSeries(name, xs, ys);
        s.setMarker(xs.size() > 30 ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
        return true;
    }
}
