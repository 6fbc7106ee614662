package dev.nn.core.registry;

/** A plugin lookup failed: the id is unknown, or two providers claim it. */
public final class PluginException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the full message shown to users
     */
    public PluginException(String message) {
        super(message);
    }
}
