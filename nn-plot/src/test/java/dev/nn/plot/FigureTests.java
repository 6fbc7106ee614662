package dev.nn.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.monitor.EpochRecord;
import dev.nn.monitor.GradientTable;
import dev.nn.monitor.History;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FigureTests {

    @TempDir
    Path dir;

    private static History history(String label, double offset) {
        List<EpochRecord> records = new ArrayList<>();
        for (int e = 1; e <= 150; e++) {
            records.add(new EpochRecord(e, 1 - 1.0 / (e + 1), 0.8 + offset - 0.5 / (e + 2), 1.0 / e, 0.5 + e * 0.001));
        }
        return new History(label, records);
    }

    private static void assertImage(Path png, int width, int height) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(width, image.getWidth());
        assertEquals(height, image.getHeight());
        boolean drawn = false;
        for (int x = 0; x < width && !drawn; x += 7) {
            for (int y = 0; y < height && !drawn; y += 7) {
                drawn = (image.getRGB(x, y) & 0xffffff) != 0xffffff;
            }
        }
        assertTrue(drawn, "the image is not blank");
    }

    @Test
    void overfittingFigureAsPngAndSvg() throws IOException {
        HistoryCharts.overfitting(history("none", 0), 100).save(dir, "history");
        assertImage(dir.resolve("history.png"), 1400, 560);
        String svg = Files.readString(dir.resolve("history.svg"));
        assertTrue(svg.contains("<svg"), svg.substring(0, Math.min(200, svg.length())));
        // a well-formed document whose curves are paths of their segments, not a <line> each
        try {
            javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            assertEquals("svg", factory.newDocumentBuilder().parse(dir.resolve("history.svg").toFile())
                    .getDocumentElement().getTagName());
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new AssertionError(e);
        }
        assertTrue(svg.split("<line ", -1).length - 1 < 50, "the curves' segments are paths");
        // its labels are text: the titles, the tick labels, the legend, the vertical axis title turned
        for (String label : List.of(">Accuracy (none)</text>", ">epoch</text>", ">0.95</text>", ">140</text>", ">training</text>",
                ">accuracy</text>")) {
            assertTrue(svg.contains(label), label + " is text in " + svg.substring(0, Math.min(3000, svg.length())));
        }
        assertTrue(svg.contains("transform=\"matrix(0 -1 1 0 "), "a vertical axis title is text turned a quarter");
        assertTrue(svg.contains("font-size:"), "the text's size is said");
        assertFalse(java.util.regex.Pattern.compile("<path[^>]* d=\"[^\"]*[QC]").matcher(svg).find(),
                "no glyph outlines (curves) are left");
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary files are left");
        }
    }

    /**
     * The inset never changes the accuracy axis (an L1 run's dips pushed it down to 0.37 to make room):
     * it goes where no point or line is, or below both panels.
     */
    @Test
    void theInsetGoesWhereItHidesNothingAndLeavesTheAxisAlone() throws IOException {
        // the seed's figure: the curves flat near the top after a few epochs, the bottom right free
        HistoryCharts.overfitting(history("none", 0), 100).savePng(dir.resolve("none.png"));
        assertImage(dir.resolve("none.png"), 1400, 560);
        // an L1 run's spikes: the test accuracy drops to 0.2 now and then, the training accuracy stays high
        List<EpochRecord> records = new ArrayList<>();
        for (int e = 1; e <= 150; e++) {
            double test = e % 17 == 0 ? 0.2 : 0.85;
            records.add(new EpochRecord(e, e % 17 == 0 ? 0.3 : 0.97, test, 1.0 / e, 0.5));
        }
        History spiky = new History("L1", records);
        HistoryCharts.overfitting(spiky, 100).savePng(dir.resolve("spiky.png"));
        assertImage(dir.resolve("spiky.png"), 1400, 820); // a strip below for the inset
        BufferedImage image = ImageIO.read(dir.resolve("spiky.png").toFile());
        boolean stripDrawn = false;
        for (int x = 0; x < 1400 && !stripDrawn; x += 5) {
            stripDrawn = (image.getRGB(x, 700) & 0xffffff) != 0xffffff;
        }
        assertTrue(stripDrawn, "the inset is drawn in the strip");
        // a run low on the page leaves the top right free
        List<EpochRecord> low = new ArrayList<>();
        for (int e = 1; e <= 150; e++) {
            low.add(new EpochRecord(e, e < 5 ? 0.95 : 0.5, e < 5 ? 0.9 : 0.45 + 0.0001 * e, 1.0 / e, 0.5));
        }
        HistoryCharts.overfitting(new History("low", low), 100).savePng(dir.resolve("low.png"));
        assertImage(dir.resolve("low.png"), 1400, 560);
    }

    @Test
    void aValidationRunIsLabelledSoAndNoCostMeansNoCostPanel() throws IOException {
        List<EpochRecord> accuracyOnly = new ArrayList<>();
        for (EpochRecord r : history("x", 0).records()) {
            accuracyOnly.add(new EpochRecord(r.epoch(), Double.NaN, r.testAccuracy(), Double.NaN, Double.NaN));
        }
        History validation = new History("dropout", accuracyOnly, History.VALIDATION);
        HistoryCharts.overfitting(validation, 100).save(dir, "validation");
        assertImage(dir.resolve("validation.png"), 700, 560);
        String svg = Files.readString(dir.resolve("validation.svg"));
        assertTrue(svg.contains(">validation<") && svg.contains(">validation accuracy, epoch 100 on<"), "the legend"
                + " and the inset name the validation data");
        assertFalse(svg.contains(">test") || svg.contains(">Cost"), "no test curve, no cost panel");
        // measured on the test data, with costs: both panels, test curves
        HistoryCharts.overfitting(history("none", 0), 100).save(dir, "test");
        String both = Files.readString(dir.resolve("test.svg"));
        assertTrue(both.contains(">test<") && both.contains(">Cost (none)<") && !both.contains("validation"));
        HistoryCharts.comparison(List.of(validation, validation.withLabel("again"))).save(dir, "compared");
        assertTrue(Files.readString(dir.resolve("compared.svg")).contains(">Validation accuracy<"));
        HistoryCharts.comparison(List.of(validation, history("none", 0))).save(dir, "mixed");
        String mixed = Files.readString(dir.resolve("mixed.svg"));
        assertTrue(mixed.contains(">Test accuracy<") && mixed.contains(">dropout (validation)<"), "mixed runs");
    }

    @Test
    void comparisonFigure() throws IOException {
        HistoryCharts.comparison(List.of(history("none", 0), history("L2", 0.05), history("L1", 0.02)))
                .savePng(dir.resolve("comparison.png"));
        assertImage(dir.resolve("comparison.png"), 1400, 560);
    }

    @Test
    void comparisonOfRunsOfOneLabel() throws IOException {
        HistoryCharts.comparison(List.of(history("L2", 0.05), history("L2", 0.02), history("L2", 0)))
                .savePng(dir.resolve("alike.png"));
        assertImage(dir.resolve("alike.png"), 1400, 560);
    }

    @Test
    void gradientFigureLinearAndLog() throws IOException {
        List<GradientTable.Row> rows = new ArrayList<>();
        for (int b = 1; b <= 10; b++) {
            rows.add(new GradientTable.Row(1, b, new double[] {0.01 * b, 0.03 * b, 0.1 * b, 0.3 * b, 1.0 * b, 2.0}));
        }
        GradientTable table = new GradientTable(rows);
        GradientCharts.hiddenLayerNorms(table, List.of(7, 8, 9), true).savePng(dir.resolve("log.png"));
        GradientCharts.hiddenLayerNorms(table, List.of(7, 8, 9), false).saveSvg(dir.resolve("linear.svg"));
        assertImage(dir.resolve("log.png"), 700, 560);
        assertEquals("mini-batch 11 is not in the table (1..10)", assertThrows(IllegalArgumentException.class,
                () -> GradientCharts.hiddenLayerNorms(table, List.of(11), false)).getMessage());
    }

    @Test
    void sweepFigureDrawsEveryPointAndNothingWithoutTestAccuracy() throws IOException {
        java.util.Map<String, List<History>> byPoint = new java.util.LinkedHashMap<>();
        byPoint.put("eta=0.5", List.of(history("s1", 0), history("s2", 0.02)));
        byPoint.put("eta=0.25", List.of(history("s1", 0.01)));
        Figure figure = SweepCharts.testAccuracy(byPoint);
        figure.save(dir, "sweep");
        assertImage(dir.resolve("sweep.png"), 900, 640);
        History unmeasured = new History("x", List.of(new EpochRecord(1, 1.0, Double.NaN, 1.0, Double.NaN)));
        assertEquals(null, SweepCharts.testAccuracy(java.util.Map.of("eta=1", List.of(unmeasured))));
        assertEquals(null, SweepCharts.testAccuracy(java.util.Map.of()));
    }

    @Test
    void aHalvingSweepsMeanStopsWhereASeedStopsAndItsRungsAreMarked() throws IOException {
        java.util.Map<String, List<History>> byPoint = new java.util.LinkedHashMap<>();
        History stopped = history("s1", 0);
        History wentOn = history("s2", 0.02);
        History shorter = new History("s1", stopped.records().subList(0, 1));
        byPoint.put("eta=0.5", List.of(shorter, wentOn));
        for (int p = 1; p <= 5; p++) {
            byPoint.put("eta=" + p, List.of(history("s1", 0.001 * p)));
        }
        org.knowm.xchart.XYChart chart = SweepCharts.accuracyChart("Test accuracy", byPoint, List.of(1));
        // the mean and its band only at the epoch both seeds ran, then the seed that went on, on its own
        assertEquals(1, chart.getSeriesMap().get("eta=0.5").getXData().length);
        assertEquals(1, chart.getSeriesMap().get("eta=0.5 (least)").getXData().length);
        assertEquals(wentOn.testAccuracy().length, chart.getSeriesMap().get("eta=0.5 (seed 2)").getXData().length);
        assertEquals(null, chart.getSeriesMap().get("eta=0.5 (seed 1)"), "the seed that stopped is in the mean");
        assertEquals(false, chart.getSeriesMap().get("eta=0.5 (seed 2)").isShowInLegend());
        assertTrue(chart.getSeriesMap().containsKey("rung at epoch 1"));
        assertEquals(org.knowm.xchart.style.Styler.LegendPosition.OutsideE, chart.getStyler().getLegendPosition(),
                "six points: the legend beside the plot, not in one row below it");
        java.awt.Color band = chart.getSeriesMap().get("eta=0.5 (least)").getLineColor();
        assertEquals(255, band.getAlpha(), "an opaque tint: crossing bands make no colour of their own");
        Figure figure = SweepCharts.testAccuracy(byPoint, List.of(1));
        figure.save(dir, "halving");
        assertImage(dir.resolve("halving.png"), 1100, 640);
    }

    @Test
    void heatMapDrawsTheCellsThatHaveAValue() throws IOException {
        double[][] value = {{0.87, 0.86}, {0.88, Double.NaN}};
        SweepCharts.heatMap("final test accuracy", "eta", List.of("0.25", "0.5"), "l1", List.of("0", "0.2"), value)
                .save(dir, "heat");
        assertImage(dir.resolve("heat.png"), 800, 600);
        String svg = Files.readString(dir.resolve("heat.svg"));
        assertTrue(svg.contains(">0.8600</text>"), "a cell's value, in the heat map's own font, is text");
        assertEquals(null, SweepCharts.heatMap("final test accuracy", "eta", List.of("1"), "l1", List.of("0"),
                new double[][] {{Double.NaN}}));
    }
}
