package dev.nn.plot;

import dev.nn.monitor.History;
import java.awt.Color;
import java.awt.Rectangle;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

/** The figures of a training history: the overfitting figure of NNDL chapter 3, and run comparisons. */
public final class HistoryCharts {

    private HistoryCharts() {
    }

    /** The accuracy and cost panels' size. */
    private static final int PANEL_WIDTH = 700;
    private static final int PANEL_HEIGHT = 560;
    /** The places an inset may take in the accuracy panel, in order: bottom right, then top right. */
    private static final List<Rectangle> INSET_SPOTS = List.of(new Rectangle(330, 290, 340, 190),
            new Rectangle(330, 45, 340, 190));
    /** The fewest epochs an inset shows: fewer magnify nothing the panel does not show already. */
    private static final int INSET_EPOCHS = 10;
    /** The height of the strip below both panels that takes the inset when no spot is free. */
    private static final int STRIP_HEIGHT = 260;

    /**
     * The seed figure: left, training and test accuracy against epoch, with an inset of the test
     * accuracy from epoch {@code insetFrom} on (if that is at least 10 epochs); right, training and
     * test cost against epoch (left out when no cost was measured). "test" is "validation" for a
     * history measured on the validation data. The accuracy axis is the one the data gives: the
     * inset goes where it covers no point or line of the accuracy panel (bottom right, else top
     * right), or, where every place would, in a strip below the panels.
     */
    public static Figure overfitting(History history, int insetFrom) {
        int[] epochs = history.epochs();
        int last = epochs.length == 0 ? 1 : epochs[epochs.length - 1];
        String evaluated = history.evaluatedOn();
        XYChart accuracy = chart("Accuracy (" + history.label() + ")", "epoch", "accuracy");
        boolean training = Series.addLine(accuracy, "training", epochs, history.trainAccuracy(), 0);
        Series.addLine(accuracy, evaluated, epochs, history.testAccuracy(), 0);
        Series.epochAxis(accuracy, 1, last);
        XYChart cost = chart("Cost (" + history.label() + ")", "epoch", "cost");
        Series.addLine(cost, "training", epochs, history.trainCost(), 0);
        Series.addLine(cost, evaluated, epochs, history.testCost(), 0);
        Series.epochAxis(cost, 1, last);
        // no cost measured (nn train without --monitor): the accuracy alone, no empty panel beside it
        boolean withCost = !cost.getSeriesMap().isEmpty();
        int width = withCost ? 2 * PANEL_WIDTH : PANEL_WIDTH;
        XYChart inset = chart(evaluated + " accuracy, epoch " + insetFrom + " on", null, null);
        inset.getStyler().setLegendVisible(false).setChartTitleBoxVisible(false)
                .setChartBackgroundColor(new Color(250, 250, 250));
        // the inset's line in the colour of the test curve it magnifies (the first colour without a training curve)
        inset.getStyler().setSeriesColors(new Color[] {accuracy.getStyler().getSeriesColors()[training ? 1 : 0]});
        boolean withInset = last - insetFrom + 1 >= INSET_EPOCHS
                && Series.addLine(inset, evaluated, epochs, history.testAccuracy(), insetFrom);
        Rectangle spot = withInset ? freeSpot(accuracy, history) : null;
        Figure figure = new Figure(width, PANEL_HEIGHT + (withInset && spot == null ? STRIP_HEIGHT : 0))
                .add(accuracy, 0, 0, PANEL_WIDTH, PANEL_HEIGHT);
        if (withCost) {
            figure.add(cost, PANEL_WIDTH, 0, PANEL_WIDTH, PANEL_HEIGHT);
        }
        if (!withInset) {
            return figure;
        }
        Series.epochAxis(inset, insetFrom, last);
        return spot == null ? figure.add(inset, 0, PANEL_HEIGHT, width, STRIP_HEIGHT)
                : figure.add(inset, spot.x, spot.y, spot.width, spot.height);
    }

    /**
     * Returns the first of {@link #INSET_SPOTS} that no point or line of the accuracy panel crosses,
     * as the panel is drawn at its size, or null.
     */
    static Rectangle freeSpot(XYChart accuracy, History history) {
        java.awt.image.BufferedImage scratch = new java.awt.image.BufferedImage(PANEL_WIDTH, PANEL_HEIGHT,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = scratch.createGraphics();
        accuracy.paint(g, PANEL_WIDTH, PANEL_HEIGHT); // lays the chart out: its axes map values to pixels
        g.dispose();
        int[] epochs = history.epochs();
        for (Rectangle spot : INSET_SPOTS) {
            Rectangle clear = new Rectangle(spot.x - 4, spot.y - 4, spot.width + 8, spot.height + 8); // the line's width
            boolean free = true;
            for (double[] values : new double[][] {history.trainAccuracy(), history.testAccuracy()}) {
                double px = Double.NaN;
                double py = Double.NaN;
                for (int i = 0; i < epochs.length && free; i++) {
                    if (!Double.isFinite(values[i])) {
                        px = Double.NaN;
                        continue;
                    }
                    double x = accuracy.getScreenXFromChart(epochs[i]);
                    double y = accuracy.getScreenYFromChart(values[i]);
                    free = !clear.contains(x, y) && (Double.isNaN(px) || !clear.intersectsLine(px, py, x, y));
                    px = x;
                    py = y;
                }
            }
            if (free) {
                return spot;
            }
        }
        return null;
    }

    /**
     * Several runs side by side: left, test accuracy ("Validation accuracy" if every run was measured
     * on the validation data; where some were and some not, those runs' names say so); right,
     * training cost, one line per run (the accuracy alone if no run measured its training cost).
     */
    public static Figure comparison(List<History> runs) {
        boolean allValidation = !runs.isEmpty()
                && runs.stream().allMatch(h -> History.VALIDATION.equals(h.evaluatedOn()));
        XYChart accuracy = chart(allValidation ? "Validation accuracy" : "Test accuracy", "epoch", "accuracy");
        XYChart cost = chart("Training cost", "epoch", "cost");
        int last = 1;
        java.util.Set<String> names = new java.util.HashSet<>();
        for (History h : runs) {
            // runs of the same label (two L2 runs) are told apart by their place in the list
            String name = h.label();
            for (int k = 2; !names.add(name); k++) {
                name = h.label() + " (" + k + ")";
            }
            boolean other = !allValidation && History.VALIDATION.equals(h.evaluatedOn());
            Series.addLine(accuracy, other ? name + " (validation)" : name, h.epochs(), h.testAccuracy(), 0);
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
        // opaque: lines that cross keep the colours of the legend (translucent ones blended into others)
        chart.getStyler().setSeriesColors(java.util.Arrays.stream(chart.getStyler().getSeriesColors())
                .map(c -> new Color(c.getRed(), c.getGreen(), c.getBlue())).toArray(Color[]::new));
        return chart;
    }
}
