package dev.nn.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Switches the app's log level; logback is configured by {@code logback.xml} (warnings only). */
public final class Logging {

    private Logging() {
    }

    static void verbose() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.DEBUG);
    }

    /**
     * Returns what {@code action} gives with the warnings of {@code type} silenced while it runs, for
     * a command that reports the same problems itself.
     */
    public static <T> T withoutWarningsOf(Class<?> type, java.util.function.Supplier<T> action) {
        Logger logger = (Logger) LoggerFactory.getLogger(type);
        Level before = logger.getLevel();
        logger.setLevel(Level.ERROR);
        try {
            return action.get();
        } finally {
            logger.setLevel(before);
        }
    }
}
