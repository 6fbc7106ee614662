package dev.nn.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.core.registry.PluginKind;
import dev.nn.core.registry.PluginRegistry;
import dev.nn.core.spi.Plugin;
import java.util.function.Supplier;

/**
 * Checks every plugin kind shares: a stable, well-formed id that the registry resolves, and
 * parameters that rebuild the plugin, as the spec a model or a run saves.
 */
final class Contracts {

    private Contracts() {
    }

    static void idIsStable(Supplier<? extends Plugin> factory) {
        String id = factory.get().id();
        assertTrue(Plugin.isValidId(id), // the rule plugins are loaded by
                "id must be lower-case words joined by hyphens, got '" + id + "'");
        assertEquals(id, factory.get().id(), "two instances must report the same id");
    }

    /**
     * The plugin's hyperparameters rebuild it: {@code withParameters} of its own values gives the
     * same id and values, and its spec ({@code id:name=value,...}, as model.json and run.json keep
     * it) gives them back through the registry.
     */
    static <T extends Plugin> void parametersRoundTrip(PluginKind<T> kind, Plugin plugin) {
        java.util.Map<String, Double> values = new java.util.LinkedHashMap<>();
        for (dev.nn.core.spi.Hyperparameter h : plugin.hyperparameters()) {
            assertTrue(h.name().matches("[a-z0-9]+(-[a-z0-9]+)*"), "parameter name '" + h.name() + "'");
            values.put(h.name(), h.value());
        }
        Plugin again = plugin.withParameters(values);
        assertEquals(plugin.id(), again.id(), "withParameters keeps the id");
        assertEquals(plugin.hyperparameters(), again.hyperparameters(), "withParameters of its own values");
        String spec = dev.nn.core.registry.PluginSpec.format(plugin);
        T read = PluginRegistry.load().get(kind, spec);
        assertEquals(plugin.hyperparameters(), read.hyperparameters(), "the registry reads '" + spec + "' back");
    }

    static <T extends Plugin> void registryFindsIt(PluginKind<T> kind, Plugin plugin) {
        PluginRegistry registry = PluginRegistry.load();
        T found = registry.get(kind, plugin.id());
        assertEquals(plugin.getClass(), found.getClass(),
                "ServiceLoader must find " + plugin.getClass().getName() + " for " + kind + " '" + plugin.id()
                        + "': declare it in META-INF/services/" + kind.type().getName() + " or with provides in module-info");
    }
}
