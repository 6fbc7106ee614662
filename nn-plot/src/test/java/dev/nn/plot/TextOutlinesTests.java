package dev.nn.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.awt.Font;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import org.junit.jupiter.api.Test;

/** A filled shape is read back as text only when it is exactly a string's outline in the font. */
class TextOutlinesTests {

    private static final FontRenderContext FRACTIONAL = new FontRenderContext(null, false, true);
    private static final FontRenderContext INTEGER = new FontRenderContext(null, true, false);

    private final TextOutlines outlines = new TextOutlines();

    private static Shape outline(String text, Font font, FontRenderContext context) {
        return new TextLayout(text, font, context).getOutline(null);
    }

    @Test
    void aStringsOutlineIsReadBackAsTheString() {
        Font bold = new Font(Font.SANS_SERIF, Font.BOLD, 12);
        Font plain = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
        for (String text : new String[] {"0.95", "epoch", "Test accuracy (lambda = 5.0, eta = 0.1)", "η = 0.5, λ ≥ 1e-3",
                "iii lll III", "a  b", "1,000", "-0.001", "Cost on the training data"}) {
            assertEquals(text, outlines.textOf(outline(text, bold, FRACTIONAL), bold, FRACTIONAL), text);
            assertEquals(text, outlines.textOf(outline(text, plain, INTEGER), plain, INTEGER), text);
        }
    }

    @Test
    void otherShapesAreNotText() {
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        assertNull(outlines.textOf(new Rectangle2D.Double(0, -8, 6, 1), font, FRACTIONAL), "a rectangle");
        assertNull(outlines.textOf(new Rectangle2D.Double(0, 0, 0, 0), font, FRACTIONAL), "an empty rectangle");
        Shape moved = AffineTransform.getTranslateInstance(3, 0).createTransformedShape(outline("0.5", font, FRACTIONAL));
        assertNull(outlines.textOf(moved, font, FRACTIONAL), "text not at the layout's origin");
        assertNull(outlines.textOf(outline("0.5", font, FRACTIONAL), font.deriveFont(13f), FRACTIONAL), "another size");
        assertNull(outlines.textOf(outline("日本", new Font(Font.SANS_SERIF, Font.PLAIN, 12), FRACTIONAL), font, FRACTIONAL),
                "characters it does not read");
        Shape turned = AffineTransform.getRotateInstance(-Math.PI / 2).createTransformedShape(outline("cost", font, FRACTIONAL));
        assertNull(outlines.textOf(turned, font, FRACTIONAL), "turned text is read by the caller, turned back");
    }
}
