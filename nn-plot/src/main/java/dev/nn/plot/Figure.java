package dev.nn.plot;

import de.erichseifert.vectorgraphics2d.Document;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import dev.nn.core.io.AtomicFiles;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.HeatMapStyler;
import org.knowm.xchart.style.Styler;

/**
 * One or more XChart charts laid out on a canvas (side by side, or one inset in another), written
 * as PNG or SVG. Files are written atomically.
 */
public final class Figure {

    /** What paints one panel, given its size: an XChart chart, or a picture of one's own. */
    @FunctionalInterface
    public interface Painting {
        /** Paints into {@code g}, whose origin is the panel's corner. */
        void paint(Graphics2D g, int width, int height);
    }

    /** A painting and the rectangle it is painted into. */
    private record Panel(Painting painting, int x, int y, int width, int height) {
    }

    private final int width;
    private final int height;
    private final List<Panel> panels = new ArrayList<>();
    private final List<Font> fonts = new ArrayList<>();

    /** Creates an empty canvas of the given size in pixels. */
    public Figure(int width, int height) {
        this.width = width;
        this.height = height;
    }

    /** Paints {@code chart} into the rectangle at ({@code x}, {@code y}); later panels paint over earlier ones. */
    public Figure add(Chart<?, ?> chart, int x, int y, int width, int height) {
        Styler styler = chart.getStyler();
        fonts.addAll(List.of(styler.getChartTitleFont(), styler.getLegendFont(), styler.getAnnotationTextFont()));
        if (styler instanceof AxesChartStyler axes) {
            fonts.addAll(List.of(axes.getAxisTitleFont(), axes.getAxisTickLabelsFont()));
        }
        if (styler instanceof HeatMapStyler heatMap) {
            fonts.add(heatMap.getValueFont());
        }
        return add(chart::paint, x, y, width, height);
    }

    /** Paints {@code painting} into the rectangle at ({@code x}, {@code y}); later panels paint over earlier ones. */
    public Figure add(Painting painting, int x, int y, int width, int height) {
        panels.add(new Panel(painting, x, y, width, height));
        return this;
    }

    /** Returns the width in pixels. */
    public int width() {
        return width;
    }

    /** Returns the height in pixels. */
    public int height() {
        return height;
    }

    /** Writes the figure as a PNG. */
    public void savePng(Path path) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        paint(g);
        g.dispose();
        AtomicFiles.write(path, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
    }

    /** Writes the figure as an SVG, its labels as text. */
    public void saveSvg(Path path) throws IOException {
        VectorGraphics2D g = new TextKeepingGraphics(fonts.stream().filter(f -> f != null).distinct().toList());
        paint(g);
        Document document = new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, width, height));
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        document.writeTo(bytes);
        String svg = SvgCompactor.compact(bytes.toString(java.nio.charset.StandardCharsets.UTF_8));
        AtomicFiles.writeString(path, svg);
    }

    /** Writes {@code base.png} and {@code base.svg}. */
    public void save(Path dir, String base) throws IOException {
        savePng(dir.resolve(base + ".png"));
        saveSvg(dir.resolve(base + ".svg"));
    }

    private void paint(Graphics2D g) {
        for (Panel p : panels) {
            Graphics2D panel = (Graphics2D) g.create(p.x, p.y, p.width, p.height);
            p.painting.paint(panel, p.width, p.height);
            panel.dispose();
        }
    }
}
