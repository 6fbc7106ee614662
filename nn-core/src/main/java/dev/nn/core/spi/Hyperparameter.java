package dev.nn.core.spi;

/**
 * A number a plugin takes, such as momentum's {@code mu} or leaky-relu's {@code slope}: its name,
 * its value in this instance (the default in the instance {@link java.util.ServiceLoader} makes),
 * and a line of description for {@code nn plugins}.
 *
 * @param name lower-case words joined by hyphens
 * @param value the value of this instance
 * @param description one line
 */
public record Hyperparameter(String name, double value, String description) {
}
