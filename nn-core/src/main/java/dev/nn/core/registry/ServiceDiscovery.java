package dev.nn.core.registry;

import dev.nn.core.logging.Logs;
import dev.nn.core.spi.Plugin;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;

/** Runs {@link ServiceLoader} for one kind, turning every provider failure into a {@link PluginProblem}. */
final class ServiceDiscovery {

    private static final Logger log = Logs.of(ServiceDiscovery.class);
    private static final Pattern PROVIDER = Pattern.compile("(?:Provider (\\S+))|(?:^\\S+: (\\S+) not a subtype)");
    private static final int MAX_FAILURES = 1000;

    private ServiceDiscovery() {
    }

    static <T extends Plugin> void discover(PluginKind<T> kind, ClassLoader loader,
            List<PluginRegistry.Entry> entries, List<PluginProblem> problems) {
        Map<String, String> declaredIn = Sources.declarations(loader, kind.type());
        Iterator<T> providers = ServiceLoader.load(kind.type(), loader).iterator();
        int failures = 0;
        while (failures < MAX_FAILURES) {
            try {
                if (!providers.hasNext()) {
                    return;
                }
                T plugin = providers.next();
                String source = Sources.of(plugin.getClass());
                log.debug("Found {} provider {} in {}", kind.word(), plugin.getClass().getName(), source);
                PluginRegistry.Entry.create(kind, plugin, source, entries, problems);
            } catch (ServiceConfigurationError e) {
                failures++;
                problems.add(problem(kind, e, declaredIn));
            }
        }
    }

    private static PluginProblem problem(PluginKind<?> kind, ServiceConfigurationError e,
            Map<String, String> declaredIn) {
        String detail = e.getMessage() == null ? e.toString() : e.getMessage();
        Matcher m = PROVIDER.matcher(detail);
        String className = !m.find() ? "?" : m.group(1) != null ? m.group(1) : m.group(2);
        String source = declaredIn.getOrDefault(className, Sources.UNKNOWN);
        String why = detail.replaceFirst("^\\S+: ", "");
        if (why.endsWith(" not a subtype")) {
            why = "Provider " + why + " of " + kind.type().getName();
        }
        Throwable cause = e.getCause();
        if (cause != null) {
            why = why + ": " + cause;
        }
        return new PluginProblem(kind, className, source, "Cannot load " + kind.word() + " provider " + className
                + " (declared in " + source + "): " + why);
    }
}
