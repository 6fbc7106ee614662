package dev.nn.app;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.IHelpSectionRenderer;

/**
 * Keeps file names whole in the help: picocli wraps text where {@link java.text.BreakIterator}
 * allows, which includes after the dot of {@code model.json}, so a name could end one line and its
 * extension start the next. The name's stem is moved down to join its extension.
 */
final class FileNamesInHelp {

    /** The end of a line whose last word ends in a dot, and the extension that starts the next line. */
    private static final Pattern SPLIT = Pattern.compile(
            "(?m)[ \\t]?([A-Za-z0-9_/<>-]+\\.)[ \\t]*\\R([ \\t]*)(json|jsonl|png|svg|csv|bin|md|jar|txt)\\b");

    private FileNamesInHelp() {
    }

    /** Wraps every help section renderer of {@code cli} and its subcommands. */
    static void keepWhole(CommandLine cli) {
        Map<String, IHelpSectionRenderer> sections = new LinkedHashMap<>();
        cli.getHelpSectionMap().forEach((key, renderer) -> sections.put(key, help -> rejoin(renderer.render(help))));
        cli.setHelpSectionMap(sections);
        for (CommandLine sub : cli.getSubcommands().values()) {
            keepWhole(sub);
        }
    }

    /** Returns {@code text} with every file name that a line break split joined on the second line. */
    static String rejoin(String text) {
        Matcher m = SPLIT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(System.lineSeparator() + m.group(2) + m.group(1)
                    + m.group(3)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
