package dev.nn.core.spi;

import java.util.List;
import java.util.Map;

/**
 * A component found by {@link java.util.ServiceLoader}: every plugin has a stable id.
 *
 * <p>The id is what configuration files, command-line flags and saved models store; it never
 * changes between releases and never names a Java class. Ids are lower case words joined by
 * hyphens, such as {@code "cross-entropy"} or {@code "l2"}. A plugin may take numbers
 * ({@link #hyperparameters()}); users set them as {@code id:name=value,name=value}, such as
 * {@code momentum:mu=0.5}, and saved models store them the same way.
 */
public interface Plugin {

    /**
     * Returns the stable id of this plugin, unique within its kind; a plugin whose id is not
     * {@linkplain #isValidId valid} is skipped when plugins load.
     */
    String id();

    /** Returns whether {@code id} is lower-case letters and digits in words joined by single hyphens. */
    static boolean isValidId(String id) {
        if (id == null || id.isEmpty() || id.charAt(0) == '-' || id.charAt(id.length() - 1) == '-') {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean word = c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
            if (!word && (c != '-' || id.charAt(i - 1) == '-')) {
                return false;
            }
        }
        return true;
    }

    /** Returns the numbers this plugin takes, with this instance's values; none by default. */
    default List<Hyperparameter> hyperparameters() {
        return List.of();
    }

    /**
     * Returns an instance of the same plugin with some hyperparameters set and the others as in
     * this one. Called only with names from {@link #hyperparameters()}.
     *
     * @throws IllegalArgumentException naming the parameter if a value is out of its range
     */
    default Plugin withParameters(Map<String, Double> values) {
        if (!values.isEmpty()) {
            throw new IllegalArgumentException(id() + " takes no parameters");
        }
        return this;
    }
}
