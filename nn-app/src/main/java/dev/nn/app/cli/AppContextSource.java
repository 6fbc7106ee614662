package dev.nn.app.cli;

/**
 * What a command asks its parent, {@code nn} itself, for: the program's context. The commands see
 * the parent through this alone, so that {@code nn}, which lists them, and they do not depend on
 * each other.
 */
public interface AppContextSource {

    /** Returns the context of this run of the program, made on first use. */
    AppContext context();
}
