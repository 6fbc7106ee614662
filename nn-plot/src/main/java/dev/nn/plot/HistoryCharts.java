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
        XYChart accuracy = chart("Accuracy (" + history.label() + ")", "epoch", "accuracy");
        Series.addLine(accuracy, "training", epochs, history.trainAccuracy(), 0);
        Series.addLine(accuracy, "test", epochs, history.testAccuracy(), 0);
        XYChart cost = chart("Cost (" + history.label() + ")", "epoch", "cost");
        Series.addLine(cost, "training", epochs, history.trainCost(), 0);
        Series.addLine(cost, "test", epochs, history.testCost(), 0);
        Figure figure = new Figure(1400, 560).add(accuracy, 0, 0, 700, 560).add(cost, 700, 0, 700, 560);
        XYChart inset = chart("test accuracy, epoch " + insetFrom + " on", null, null);
        inset.getStyler().setLegendVisible(false).setChartTitleBoxVisible(false)
                .setChartBackgroundColor(new Color(250, 250, 250));
        if (epochs.length > 1 && Series.addLine(inset, "test", epochs, history.testAccuracy(), insetFrom)) {
            figure.add(inset, 330, 300, 340, 200);
        }
        return figure;
    }

    /** Several runs side by side: left, test accuracy; right, training cost, one line per run. */
    public static Figure comparison(List<History> runs) {
        XYChart accuracy = chart("Test accuracy", "epoch", "accuracy");
        XYChart cost = chart("Training cost", "epoch", "cost");
        for (History h : runs) {
            Series.addLine(accuracy, h.label(), h.epochs(), h.testAccuracy(), 0);
            Series.addLine(cost, h.label(), h.epochs(), h.trainCost(), 0);
        }
        return new Figure(1400, 560).add(accuracy, 0, 0, 700, 560).add(cost, 700, 0, 700, 560);
    }

    static XYChart chart(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(700).height(560).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE).setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesVisible(true);
        chart.getStyler().setXAxisDecimalPattern("#");
        return chart;
    }
}
