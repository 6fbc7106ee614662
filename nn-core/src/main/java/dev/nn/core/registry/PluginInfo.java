package dev.nn.core.registry;

import dev.nn.core.spi.Hyperparameter;
import java.util.List;

/**
 * An installed plugin: its kind, id, class, where the class came from, and the parameters it takes.
 *
 * @param kind the plugin kind
 * @param id the stable id
 * @param className the implementing class
 * @param source the jar or directory the class was loaded from
 * @param parameters the hyperparameters it takes, with their defaults
 */
public record PluginInfo(PluginKind<?> kind, String id, String className, String source,
        List<Hyperparameter> parameters) {

    /** Copies the list. */
    public PluginInfo {
        parameters = List.copyOf(parameters);
    }
}
