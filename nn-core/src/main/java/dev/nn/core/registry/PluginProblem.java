package dev.nn.core.registry;

/**
 * A provider that was declared but could not be used; it was skipped.
 *
 * @param kind the kind it was declared for
 * @param className the declared class, or {@code "?"} when the service loader did not say
 * @param source the jar or directory that declared it
 * @param message what went wrong, naming the class, the source and the cause
 */
public record PluginProblem(PluginKind<?> kind, String className, String source, String message) {
}
