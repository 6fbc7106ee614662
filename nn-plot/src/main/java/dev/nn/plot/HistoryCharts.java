package dev.nn.plot;

import dev.nn.monitor.History;
import java.awt.Color;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

/** The figures of a training history: the overfitting figure of NNDL chapter 3, and run comparisons. */
public final class HistoryCharts {

    private HistoryCharts() {
    }

    /**
     * The seed figure: left, training and test accuracy against epoch, with an inset of the test
     * accuracy from epoch {@code insetFrom} on; right, training and test cost against epoch.
     */
    public static Figure overfitting(History history, int insetFrom) {
        int[] epochs = history.epochs();
        int last = epochs.length == 0 ? 1 : epochs[epochs.length - 1];
        XYChart accuracy = chart("Accuracy (" + history.label() + ")", "epoch", "accuracy");
        Series.addLine(accuracy, "training", epochs, history.trainAccuracy(), 0);
        Series.addLine(accuracy, "test", epochs, history.testAccuracy(), 0);
        Series.epochAxis(accuracy, 1, last);
        XYChart cost = chart("Cost (" + history.label() + ")", "epoch", "cost");
        Series.addLine(cost, "training", epochs, history.trainCost(), 0);
        Series.addLine(cost, "test", epochs, history.testCost(), 0);
        Series.epochAxis(cost, 1, last);
        Figure figure = new Figure(1400, 560).add(accuracy, 0, 0, 700, 560).add(cost, 700, 0, 700, 560);
        XYChart inset = chart("test accuracy, epoch " + insetFrom + " on", null, null);
        inset.getStyler().setLegendVisible(false).setChartTitleBoxVisible(false)
                .setChartBackgroundColor(new Color(250, 250, 250));
        // the inset's line in the colour of the test curve it magnifies
        inset.getStyler().setSeriesColors(new Color[] {accuracy.getStyler().getSeriesColors()[1]});
        if (epochs.length > 1 && Series.addLine(inset, "test", epochs, history.testAccuracy(), insetFrom)) {
            Series.epochAxis(inset, insetFrom, last);
            reserveBottom(accuracy, history);
            figure.add(inset, 330, 290, 340, 190);
        }
        return figure;
    }

    /**
     * Lowers the accuracy axis so that every point lies in the upper 55% of the plot, leaving the
     * bottom free for the inset: it then hides no data, whatever dips a run has.
     */
    private static void reserveBottom(XYChart accuracy, History history) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] series : new double[][] {history.trainAccuracy(), history.testAccuracy()}) {
            for (double v : series) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (lo < hi) {
            accuracy.getStyler().setYAxisMin(Math.max(0, lo - 0.85 * (hi - lo))).setYAxisMax(hi + 0.02 * (hi - lo));
        }
    }

    /**
     * Several runs side by side: left, test accuracy; right, training cost, one line per run (the
     * accuracy alone if no run measured its training cost).
     */
    public static Figure comparison(List<History> runs) {
        XYChart accuracy = chart("Test accuracy", "epoch", "accuracy");
        XYChart cost = chart("Training cost", "epoch", "cost");
        int last = 1;
        java.util.Set<String> names = new java.util.HashSet<>();
        for (History h : runs) {
            // runs of the same label (two L2 runs) are told apart by their place in the list
            String name = h.label();
            for (int k = 2; !names.add(name); k++) {
                name = h.label() + " (" + k + ")";
            }
            Series.addLine(accuracy, name, h.epochs(), h.testAccuracy(), 0);
            Series.addLine(cost, name, h.epochs(), h.trainCost(), 0);
            last = Math.max(last, h.epochs().length == 0 ? 1 : h.epochs()[h.epochs().length - 1]);
        }
        Series.epochAxis(accuracy, 1, last);
        if (cost.getSeriesMap().isEmpty()) {
            // no run measured its training cost (nn train without --monitor): no empty panel beside the accuracy
            return new Figure(700, 560).add(accuracy, 0, 0, 700, 560);
        }
        Series.epochAxis(cost, 1, last);
        return new Figure(1400, 560).add(accuracy, 0, 0, 700, 560).add(cost, 700, 0, 700, 560);
    }

    static XYChart chart(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(700).height(560).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        // the legend below the plot, where it covers no data
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS).setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setPlotGridLinesVisible(true);
        chart.getStyler().setXAxisDecimalPattern("#");
        return chart;
    }
}
