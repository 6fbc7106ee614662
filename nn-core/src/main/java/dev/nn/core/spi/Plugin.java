package dev.nn.core.spi;

/**
 * A component found by {@link java.util.ServiceLoader}: every plugin has a stable id.
 *
 * <p>The id is what configuration files, command-line flags and saved models store; it never
 * changes between releases and never names a Java class. Ids are lower case words joined by
 * hyphens, such as {@code "cross-entropy"} or {@code "l2"}.
 */
public interface Plugin {

    /** Returns the stable id of this plugin, unique within its kind. */
    String id();
}
