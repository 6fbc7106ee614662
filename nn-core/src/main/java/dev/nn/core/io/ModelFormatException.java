package dev.nn.core.io;

import java.io.IOException;

/** A model file is malformed; the message names the file, the field and what was expected. */
public final class ModelFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the full message
     */
    public ModelFormatException(String message) {
        super(message);
    }
}
