package dev.nn.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.core.registry.PluginKind;
import dev.nn.core.registry.PluginRegistry;
import dev.nn.core.spi.Plugin;
import java.util.function.Supplier;

/** Checks every plugin kind shares: a stable, well-formed id that the registry resolves. */
final class Contracts {

    private Contracts() {
    }

    static void idIsStable(Supplier<? extends Plugin> factory) {
        String id = factory.get().id();
        assertTrue(Plugin.isValidId(id), // the rule plugins are loaded by
                "id must be lower-case words joined by hyphens, got '" + id + "'");
        assertEquals(id, factory.get().id(), "two instances must report the same id");
    }

    static <T extends Plugin> void registryFindsIt(PluginKind<T> kind, Plugin plugin) {
        PluginRegistry registry = PluginRegistry.load();
        T found = registry.get(kind, plugin.id());
        assertEquals(plugin.getClass(), found.getClass(),
                "ServiceLoader must find " + plugin.getClass().getName() + " for " + kind + " '" + plugin.id()
                        + "': declare it in META-INF/services/" + kind.type().getName() + " or with provides in module-info");
    }
}
