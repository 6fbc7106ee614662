package dev.nn.plot;

import dev.nn.core.layer.Layer;
import dev.nn.core.layer.ParameterBlock;
import dev.nn.core.network.Network;
import dev.nn.core.spi.Matrix;
import dev.nn.core.spi.Parameter;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.util.List;
import java.util.Locale;

/**
 * The learned filters of a convolution as chapter 6 shows them: one {@code size x size} block per
 * filter (its first input channel), on one gray scale for all of them, darker for a larger weight.
 */
public final class FilterImage {

    private static final int CELL = 12;
    private static final int GAP = 8;
    private static final int MARGIN = 16;
    private static final int TITLE = 28;
    private static final int PER_ROW = 10;

    private FilterImage() {
    }

    /**
     * Returns the figure of the first convolution's filters in {@code net} (layer type {@code conv},
     * with its {@code size} setting), or null if it has none.
     */
    public static Figure firstConvolution(Network net) {
        for (Layer layer : net.layers()) {
            if (!layer.type().id().equals("conv")) {
                continue;
            }
            int size = (int) layer.type().hyperparameters().stream().filter(h -> h.name().equals("size"))
                    .findFirst().orElseThrow().value();
            List<ParameterBlock> blocks = layer.parameters();
            Matrix weights = blocks.get(ParameterBlock.indexOf(blocks, Parameter.WEIGHTS)).byUnit();
            double[][] filters = new double[weights.rows()][size * size];
            for (int f = 0; f < filters.length; f++) {
                for (int i = 0; i < size * size; i++) {
                    filters[f][i] = weights.get(f, i);
                }
            }
            return of(filters, size, String.format(Locale.ROOT, "the first convolution's %d filters (%dx%d%s);"
                    + " darker: a larger weight", filters.length, size, size,
                    layer.inputShape().channels() > 1 ? ", channel 1" : ""));
        }
        return null;
    }

    /**
     * Returns the figure of {@code filters}.
     *
     * @param filters row f: filter f's weights of its first channel, row by row ({@code size * size} values)
     * @param size the kernel's width and height
     * @param title the line above the blocks
     * @throws IllegalArgumentException if there are no filters or a row is shorter than {@code size * size}
     */
    public static Figure of(double[][] filters, int size, String title) {
        if (filters.length == 0) {
            throw new IllegalArgumentException("no filters to draw");
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] f : filters) {
            if (f.length < size * size) {
                throw new IllegalArgumentException("a filter of " + f.length + " weights is not " + size + "x" + size);
            }
            for (int i = 0; i < size * size; i++) {
                min = Math.min(min, f[i]);
                max = Math.max(max, f[i]);
            }
        }
        int columns = Math.min(PER_ROW, filters.length);
        int rows = (filters.length + PER_ROW - 1) / PER_ROW;
        int block = size * CELL;
        int width = Math.max(2 * MARGIN + columns * block + (columns - 1) * GAP, 420);
        int height = TITLE + 2 * MARGIN + rows * block + (rows - 1) * GAP + 18;
        double lo = min;
        double range = max > min ? max - min : 1;
        String legend = String.format(Locale.ROOT, "white %.3g, black %.3g", min, max);
        Figure.Painting painting = (g, w, h) -> paint(g, filters, size, columns, title, legend, lo, range);
        return new Figure(width, height).add(painting, 0, 0, width, height);
    }

    private static void paint(Graphics2D g, double[][] filters, int size, int columns, String title, String legend,
            double min, double range) {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 10_000, 10_000);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.drawString(title, MARGIN, MARGIN + 10);
        int block = size * CELL;
        int bottom = 0;
        for (int f = 0; f < filters.length; f++) {
            int x0 = MARGIN + (f % columns) * (block + GAP);
            int y0 = TITLE + MARGIN + (f / columns) * (block + GAP);
            for (int r = 0; r < size; r++) {
                for (int c = 0; c < size; c++) {
                    int shade = (int) Math.round(255 * (1 - (filters[f][r * size + c] - min) / range));
                    g.setColor(new Color(shade, shade, shade));
                    g.fillRect(x0 + c * CELL, y0 + r * CELL, CELL, CELL);
                }
            }
            g.setColor(Color.GRAY);
            g.drawRect(x0, y0, block, block);
            bottom = Math.max(bottom, y0 + block);
        }
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawString(legend, MARGIN, bottom + 16);
    }
}
