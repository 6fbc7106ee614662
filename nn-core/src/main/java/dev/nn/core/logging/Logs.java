package dev.nn.core.logging;

import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLogger;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The loggers of nn's libraries: SLF4J's when the application has an SLF4J provider (Logback,
 * slf4j-simple, ...), else a logger that does nothing. Without this, SLF4J 2 prints three warnings
 * about having no provider to every program that uses an nn library and has not configured
 * logging; with a provider, nothing changes.
 */
public final class Logs {

    private Logs() {
    }

    /** Returns the logger of {@code type}. */
    public static Logger of(Class<?> type) {
        return providerPresent(type.getClassLoader()) ? LoggerFactory.getLogger(type) : NOPLogger.NOP_LOGGER;
    }

    private static boolean providerPresent(ClassLoader loader) {
        try {
            return ServiceLoader.load(SLF4JServiceProvider.class, loader).findFirst().isPresent();
        } catch (java.util.ServiceConfigurationError e) {
            // a broken provider: let SLF4J itself report it
            return true;
        }
    }
}
