package dev.nn.core.registry;

/**
 * An installed plugin: its kind, id, class and where the class came from.
 *
 * @param kind the plugin kind
 * @param id the stable id
 * @param className the implementing class
 * @param source the jar or directory the class was loaded from
 */
public record PluginInfo(PluginKind<?> kind, String id, String className, String source) {
}
