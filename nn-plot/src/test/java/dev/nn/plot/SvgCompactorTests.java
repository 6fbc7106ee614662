package dev.nn.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The compacted SVG draws what the renderer's did: rounded coordinates, a curve's segments as one path. */
class SvgCompactorTests {

    private static final String STYLE = "fill:none;stroke:rgb(0,55,255);stroke-width:2;";

    @Test
    void segmentsOfOneOpaqueStyleBecomeOnePathOfThem() {
        String svg = "<g>\n"
                + "  <line style=\"" + STYLE + "\" x1=\"1.123456\" x2=\"2.5\" y1=\"3\" y2=\"4.0049\"/>\n"
                + "  <line style=\"" + STYLE + "\" x1=\"2.5\" x2=\"7\" y1=\"4.0049\" y2=\"-0.001\"/>\n"
                + "  <line style=\"fill:none;stroke:rgb(1,2,3);\" x1=\"0\" x2=\"1\" y1=\"0\" y2=\"1\"/>\n"
                + "  <line style=\"fill:none;stroke:rgb(1,2,3);stroke-opacity:0.5;\" x1=\"0\" x2=\"1\" y1=\"0\" y2=\"1\"/>\n"
                + "  <path d=\"M3.84375,-9.828125 L0.1875,-0 Z\" style=\"fill:rgb(0,0,0);stroke:none;\"/>\n"
                + "</g>";
        assertEquals("<g>\n"
                + "  <path style=\"" + STYLE + "\" d=\"M1.12 3L2.5 4M2.5 4L7 0\"/>\n"
                + "  <path style=\"fill:none;stroke:rgb(1,2,3);\" d=\"M0 0L1 1\"/>\n"
                + "  <line style=\"fill:none;stroke:rgb(1,2,3);stroke-opacity:0.5;\" x1=\"0\" x2=\"1\" y1=\"0\" y2=\"1\"/>\n"
                + "  <path d=\"M3.84,-9.83 L0.19,-0 Z\" style=\"fill:rgb(0,0,0);stroke:none;\"/>\n"
                + "</g>", SvgCompactor.compact(svg), "translucent segments stay apart: joined, their overlaps would differ");
    }

    @Test
    void whatIsNotGeometryIsLeftAlone() {
        String svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg width=\"1400px\" id=\"clip-1371332608\">"
                + "<rect height=\"560\" width=\"700.123456\" x=\"-29\" y=\"-441.6697358121331\"/></svg>";
        String compact = SvgCompactor.compact(svg);
        assertTrue(compact.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg width=\"1400px\" id=\"clip-1371332608\">"),
                compact);
        assertTrue(compact.endsWith("<rect height=\"560\" width=\"700.12\" x=\"-29\" y=\"-441.67\"/></svg>"), compact);
    }

    @Test
    void aTextSaysItsSizeAndAGenericFamily() {
        String svg = "<g>\n  <text style=\"fill:rgb(0,0,0);stroke:none;font-family:&quot;DejaVu Sans&quot;;font-weight:bold;\" x=\"0\" y=\"0\">0.5</text>\n"
                + "  <text style=\"fill:rgb(0,0,0);stroke:none;font-size:14px;\" x=\"0\" y=\"0\">Dialog, 14</text>\n</g>";
        assertEquals("<g>\n  <text style=\"fill:rgb(0,0,0);stroke:none;font-family:&quot;DejaVu Sans&quot;,sans-serif;font-weight:bold;"
                + "font-size:12px;\" x=\"0\" y=\"0\">0.5</text>\n"
                + "  <text style=\"fill:rgb(0,0,0);stroke:none;font-size:14px;font-family:sans-serif;\" x=\"0\" y=\"0\">Dialog, 14</text>\n</g>",
                SvgCompactor.compact(svg), "the renderer leaves out 12 px and Dialog, its defaults");
    }
}
