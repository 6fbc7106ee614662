package dev.nn.app.commands;

import dev.nn.app.cli.AppContextSource;
import dev.nn.app.cli.AppContext;
import dev.nn.core.registry.PluginInfo;
import dev.nn.core.registry.PluginProblem;
import dev.nn.core.registry.PluginRegistry;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code nn plugins}: every installed plugin with its id, class and jar, then any that failed. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "List the installed activations, costs, regularizers, initializers, update rules and layer types,"
                + " with the parameters each takes (id:name=value), its class and jar, and any provider that could not be"
                + " loaded; exits with 1 if there was such a problem.")
public final class PluginsCommand implements Callable<Integer> {

    @ParentCommand
    AppContextSource parent;

    @Override
    public Integer call() {
        AppContext ctx = parent.context();
        // the problems are listed below, once; the registry's warnings would say each again
        PluginRegistry registry = dev.nn.app.Logging.withoutWarningsOf(PluginRegistry.class, ctx::registry);
        int width = 14; // the PARAMETERS column holds the longest list
        for (PluginInfo p : registry.plugins()) {
            width = Math.max(width, parameters(p).length());
        }
        String format = "%-12s %-16s %-" + width + "s %-45s %s%n";
        ctx.out().printf(Locale.ROOT, format, "KIND", "ID", "PARAMETERS", "CLASS", "FROM");
        for (PluginInfo p : registry.plugins()) {
            String parameters = parameters(p);
            ctx.out().printf(Locale.ROOT, format, p.kind().word(), p.id(), parameters.isEmpty() ? "-" : parameters,
                    p.className(), p.source());
        }
        if (!registry.problems().isEmpty()) {
            ctx.out().println();
            ctx.out().println("Problems (these were skipped):");
            for (PluginProblem problem : registry.problems()) {
                ctx.out().println("  " + problem.message());
            }
            return 1;
        }
        return 0;
    }

    private static String parameters(PluginInfo p) {
        return p.parameters().stream().map(h -> h.name() + "=" + number(h.value())).collect(Collectors.joining(","));
    }

    /** A whole number as such (filters=20), any other as Java writes it (p=0.5). */
    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
