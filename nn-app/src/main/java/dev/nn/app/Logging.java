package dev.nn.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Switches the app's log level; logback is configured by {@code logback.xml} (warnings only). */
final class Logging {

    private Logging() {
    }

    static void verbose() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.DEBUG);
    }
}
