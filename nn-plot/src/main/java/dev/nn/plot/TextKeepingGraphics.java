package dev.nn.plot;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.util.GraphicsUtils;
import java.awt.Font;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A vector canvas that keeps text as text. XChart fills each label's outline, which the SVG writer
 * would write as paths; a filled shape that is exactly the outline of a string in the current font
 * (upright, or turned a quarter counter-clockwise as a vertical axis title is) is drawn as that
 * string instead, at the same place, and anything else is filled as it was. The string is looked
 * for in the current font, then in the charts' own fonts (a heat map's values are laid out in a
 * font it never sets on the canvas).
 */
final class TextKeepingGraphics extends VectorGraphics2D {

    /** The context XChart's legend lays its labels out in (integer advances). */
    private static final FontRenderContext INTEGER_ADVANCES = new FontRenderContext(null, true, false);
    private static final AffineTransform QUARTER_TURN_BACK = AffineTransform.getRotateInstance(Math.PI / 2);

    private final TextOutlines outlines = new TextOutlines();
    private final List<Font> fonts;
    /**
     * Each logical font (SansSerif) as the installed font it stands for: the SVG writer names a
     * text's font by that, and would look it up among every installed font for each text.
     */
    private final Map<Font, Font> installed = new HashMap<>();

    /** A canvas that looks for text in the current font and then in {@code fonts}. */
    TextKeepingGraphics(List<Font> fonts) {
        this.fonts = List.copyOf(fonts);
    }

    @Override
    public void fill(Shape shape) {
        if (!drawnAsText(new TextOutlines.Outline(shape), false)
                && !drawnAsText(new TextOutlines.Outline(QUARTER_TURN_BACK.createTransformedShape(shape)), true)) {
            super.fill(shape);
        }
    }

    @Override
    public void drawString(String text, float x, float y) {
        Font font = getFont();
        Font physical = installed.computeIfAbsent(font, GraphicsUtils::getPhysicalFont);
        if (physical.equals(font)) {
            super.drawString(text, x, y);
            return;
        }
        setFont(physical);
        super.drawString(text, x, y);
        setFont(font);
    }

    private boolean drawnAsText(TextOutlines.Outline shape, boolean turned) {
        Font current = getFont();
        for (int i = -1; i < fonts.size(); i++) {
            Font font = i < 0 ? current : fonts.get(i);
            if (i >= 0 && font.equals(current)) {
                continue;
            }
            String text = outlines.textOf(shape, font, getFontRenderContext());
            if (text == null) {
                text = outlines.textOf(shape, font, INTEGER_ADVANCES);
            }
            if (text != null) {
                AffineTransform saved = getTransform();
                if (turned) {
                    rotate(-Math.PI / 2);
                }
                setFont(font);
                drawString(text, 0f, 0f);
                setFont(current);
                setTransform(saved);
                return true;
            }
        }
        return false;
    }
}
