package dev.nn.core.registry;

/**
 * A provider that was declared but could not be used, or a plugin file or directory that could not
 * be; it was skipped.
 *
 * @param kind the kind it was declared for; null for a problem with a whole file or directory
 * @param className the declared class, or {@code "?"} when the service loader did not say or the
 *     problem is a file's
 * @param source the jar or directory that declared it
 * @param message what went wrong, naming the class, the source and the cause
 */
public record PluginProblem(PluginKind<?> kind, String className, String source, String message) {

    /** Returns the problem of a whole plugin file or directory. */
    public static PluginProblem ofFile(String source, String message) {
        return new PluginProblem(null, "?", source, message);
    }
}
