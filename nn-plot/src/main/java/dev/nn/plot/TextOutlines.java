package dev.nn.plot;

import java.awt.Font;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.geom.PathIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads back the string a filled shape is the outline of. XChart draws every label as the outline
 * of a {@link TextLayout} at the layout's origin; this finds the string whose outline, in the given
 * font, is that shape: glyph by glyph from the left, then checked against the whole string's own
 * outline, so that a shape is taken for text only when it is exactly that text's outline.
 */
final class TextOutlines {

    private static final double TOLERANCE = 1e-3;
    private static final int MAX_SPACES = 4;

    /** The characters a label is read back in: printable ASCII first; then also Latin-1, Greek and punctuation. */
    private static final String ASCII = characters(false);
    private static final String MORE = characters(true);

    /** The glyph tables made so far, by font, context and character set: made when first needed (they take time). */
    private final Map<List<Object>, Glyphs> glyphs = new HashMap<>();

    /** One character's outline at the origin, as subpaths, and its advance. */
    private record Glyph(char c, List<double[]> subpaths, double advance) {
    }

    /** A font's glyphs in one rendering context, and the advance of a space. */
    private record Glyphs(List<Glyph> glyphs, double space) {
    }

    /**
     * A filled shape, read once for all the fonts and contexts it is tried in: its bounds, and its
     * subpaths when one of them first asks (most shapes are refused by their bounds alone).
     */
    static final class Outline {
        private final Shape shape;
        private final Rectangle2D bounds;
        private List<double[]> subpaths;
        private boolean read;

        Outline(Shape shape) {
            this.shape = shape;
            this.bounds = shape.getBounds2D();
        }

        private List<double[]> subpaths() {
            if (!read) {
                subpaths = TextOutlines.subpaths(shape);
                read = true;
            }
            return subpaths;
        }
    }

    /**
     * Returns the string whose outline in {@code font}, laid out in {@code context}, is
     * {@code shape}, or null when it is not the outline of a string of the known characters.
     */
    String textOf(Shape shape, Font font, FontRenderContext context) {
        return textOf(new Outline(shape), font, context);
    }

    /** As {@link #textOf(Shape, Font, FontRenderContext)}, for a shape read once. */
    String textOf(Outline outline, Font font, FontRenderContext context) {
        // a label's outline starts at its layout's origin and lies about its baseline: most shapes are not one
        Rectangle2D bounds = outline.bounds;
        double size = font.getSize2D();
        if (bounds.isEmpty() || Math.abs(bounds.getMinX()) > size || bounds.getMinY() < -2 * size
                || bounds.getMaxY() > size) {
            return null;
        }
        List<double[]> subpaths = outline.subpaths();
        if (subpaths == null || subpaths.isEmpty()) {
            return null;
        }
        String text = textOf(subpaths, font, context, ASCII);
        return text != null ? text : textOf(subpaths, font, context, MORE);
    }

    private String textOf(List<double[]> subpaths, Font font, FontRenderContext context, String characters) {
        Glyphs table = glyphs.computeIfAbsent(List.of(font, context, characters), k -> glyphs(font, context, characters));
        StringBuilder text = new StringBuilder();
        double pen = 0;
        int next = 0;
        while (next < subpaths.size()) {
            Glyph match = null;
            int spaces = 0;
            for (; spaces <= MAX_SPACES && match == null; spaces++) {
                match = longestMatch(table, subpaths, next, pen + spaces * table.space());
            }
            if (match == null) {
                return null;
            }
            spaces--;
            text.append(" ".repeat(spaces)).append(match.c());
            pen += spaces * table.space() + match.advance();
            next += match.subpaths().size();
        }
        String found = text.toString();
        return found.equals(found.strip()) && sameOutline(subpaths, subpaths(new TextLayout(found, font, context).getOutline(null)))
                ? found : null;
    }

    private static Glyph longestMatch(Glyphs table, List<double[]> subpaths, int from, double pen) {
        Glyph best = null;
        for (Glyph g : table.glyphs()) {
            int n = g.subpaths().size();
            if (from + n > subpaths.size() || (best != null && n <= best.subpaths().size())) {
                continue;
            }
            boolean all = true;
            for (int k = 0; k < n && all; k++) {
                all = sameSubpath(subpaths.get(from + k), g.subpaths().get(k), pen);
            }
            if (all) {
                best = g;
            }
        }
        return best;
    }

    private static Glyphs glyphs(Font font, FontRenderContext context, String characters) {
        List<Glyph> list = new ArrayList<>();
        StringBuilder shown = new StringBuilder();
        for (char c : characters.toCharArray()) {
            if (c != ' ' && font.canDisplay(c)) {
                shown.append(c);
            }
        }
        // one glyph vector for them all: each glyph's outline moved back to the origin
        GlyphVector vector = font.createGlyphVector(context, shown.toString());
        for (int i = 0; i < vector.getNumGlyphs(); i++) {
            double x = vector.getGlyphPosition(i).getX();
            Shape outline = AffineTransform.getTranslateInstance(-x, 0).createTransformedShape(vector.getGlyphOutline(i));
            List<double[]> subpaths = subpaths(outline);
            if (subpaths != null && !subpaths.isEmpty()) {
                list.add(new Glyph(shown.charAt(i), subpaths, vector.getGlyphMetrics(i).getAdvance()));
            }
        }
        return new Glyphs(list, font.getStringBounds(" ", context).getWidth());
    }

    /**
     * A shape's path as subpaths, each the segment types and coordinates from one move on, encoded
     * as one array: type, then its coordinates. Null for a path that does not start with a move.
     */
    private static List<double[]> subpaths(Shape shape) {
        List<double[]> subpaths = new ArrayList<>();
        double[] coords = new double[6];
        double[] current = null;
        int length = 0;
        for (PathIterator it = shape.getPathIterator(null); !it.isDone(); it.next()) {
            int type = it.currentSegment(coords);
            if (type == PathIterator.SEG_MOVETO) {
                if (current != null) {
                    subpaths.add(Arrays.copyOf(current, length));
                }
                current = new double[64];
                length = 0;
            } else if (current == null) {
                return null;
            }
            int n = switch (type) {
                case PathIterator.SEG_MOVETO, PathIterator.SEG_LINETO -> 2;
                case PathIterator.SEG_QUADTO -> 4;
                case PathIterator.SEG_CUBICTO -> 6;
                default -> 0;
            };
            if (length + 1 + n > current.length) {
                current = Arrays.copyOf(current, current.length * 2);
            }
            current[length++] = -1 - type; // negative, so that a type is never taken for a coordinate
            System.arraycopy(coords, 0, current, length, n);
            length += n;
        }
        if (current != null) {
            subpaths.add(Arrays.copyOf(current, length));
        }
        return subpaths;
    }

    /** Whether {@code actual} is {@code glyph} moved right by {@code dx}. */
    private static boolean sameSubpath(double[] actual, double[] glyph, double dx) {
        if (actual.length != glyph.length) {
            return false;
        }
        int i = 0;
        while (i < actual.length) {
            if (actual[i] != glyph[i]) {
                return false;
            }
            int type = (int) (-1 - glyph[i]);
            int n = type == PathIterator.SEG_QUADTO ? 4 : type == PathIterator.SEG_CUBICTO ? 6 : type == PathIterator.SEG_CLOSE ? 0 : 2;
            for (int k = 0; k < n; k += 2) {
                if (Math.abs(actual[i + 1 + k] - glyph[i + 1 + k] - dx) > TOLERANCE
                        || Math.abs(actual[i + 2 + k] - glyph[i + 2 + k]) > TOLERANCE) {
                    return false;
                }
            }
            i += 1 + n;
        }
        return true;
    }

    private static boolean sameOutline(List<double[]> a, List<double[]> b) {
        if (b == null || a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!sameSubpath(a.get(i), b.get(i), 0)) {
                return false;
            }
        }
        return true;
    }

    private static String characters(boolean more) {
        StringBuilder s = new StringBuilder();
        for (char c = 0x21; c < 0x7f; c++) {
            s.append(c);
        }
        if (!more) {
            return s.toString();
        }
        for (char c = 0xa1; c <= 0xff; c++) {
            s.append(c);
        }
        for (char c = 0x391; c <= 0x3c9; c++) {
            s.append(c);
        }
        for (char c = 0x2010; c <= 0x2027; c++) {
            s.append(c);
        }
        return s.append("\u2212\u2192\u2264\u2265\u2248\u221a\u221e").toString();
    }
}
