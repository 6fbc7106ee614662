package dev.nn.plot;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes the SVG that the vector renderer writes smaller without changing what it draws: the
 * coordinates rounded to hundredths of a pixel, and runs of {@code <line>} elements of one opaque
 * style (a curve is drawn a segment at a time) written as one path of their segments, each its own
 * subpath as before; a text's font said whole (the renderer leaves out its defaults) with a generic
 * family after it. A figure of 800 points goes from about 1.1 MB to under half of that.
 */
final class SvgCompactor {

    private static final Pattern GEOMETRY = Pattern.compile("( (?:d|x|y|x1|x2|y1|y2|width|height|transform)=\")([^\"]*)\"");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+\\.\\d{3,}");
    private static final Pattern TEXT_STYLE = Pattern.compile("(<text style=\")([^\"]*)\"");
    private static final Pattern FAMILY = Pattern.compile("font-family:(&quot;[^;]*&quot;);");
    private static final Pattern LINE = Pattern.compile("(\\s*)<line style=\"([^\"]*)\" x1=\"([^\"]*)\" x2=\"([^\"]*)\""
            + " y1=\"([^\"]*)\" y2=\"([^\"]*)\"/>");

    private SvgCompactor() {
    }

    /** Returns {@code svg} compacted; a document not in the renderer's form comes back as it was, or rounded. */
    static String compact(String svg) {
        StringBuilder out = new StringBuilder(svg.length() / 2);
        String style = null;
        StringBuilder path = new StringBuilder();
        String indent = "";
        for (String line : svg.split("\n", -1)) {
            Matcher m = LINE.matcher(line);
            boolean mergeable = m.matches() && !m.group(2).contains("opacity");
            if (style != null && !(mergeable && m.group(2).equals(style))) {
                out.append(indent).append("<path style=\"").append(style).append("\" d=\"").append(path).append("\"/>\n");
                style = null;
            }
            if (mergeable) {
                if (style == null) {
                    style = m.group(2);
                    indent = m.group(1);
                    path.setLength(0);
                }
                path.append('M').append(round(m.group(3))).append(' ').append(round(m.group(5)))
                        .append('L').append(round(m.group(4))).append(' ').append(round(m.group(6)));
                continue;
            }
            out.append(textStyle(roundGeometry(line))).append('\n');
        }
        if (style != null) {
            out.append(indent).append("<path style=\"").append(style).append("\" d=\"").append(path).append("\"/>\n");
        }
        out.setLength(out.length() - 1); // the split's last piece had no line end
        return out.toString();
    }

    /**
     * A text's style with the size and family the renderer leaves out when they are its defaults
     * (12 px, Java's Dialog), and {@code sans-serif} after the family for a viewer without it.
     */
    private static String textStyle(String line) {
        Matcher m = TEXT_STYLE.matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String style = m.group(2);
            Matcher family = FAMILY.matcher(style);
            style = family.find()
                    ? family.replaceFirst(Matcher.quoteReplacement("font-family:" + family.group(1) + ",sans-serif;"))
                    : style + "font-family:sans-serif;";
            if (!style.contains("font-size:")) {
                style += "font-size:12px;";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + style + "\""));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String roundGeometry(String line) {
        Matcher m = GEOMETRY.matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + roundAll(m.group(2)) + "\""));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String roundAll(String value) {
        Matcher m = DECIMAL.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, round(m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A coordinate to hundredths of a pixel, without trailing zeros. */
    private static String round(String number) {
        BigDecimal rounded = new BigDecimal(number).setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return rounded.signum() == 0 ? "0" : rounded.toPlainString();
    }
}
