package dev.nn.data.mnist;

import java.io.IOException;

/** An IDX file is malformed; the message names the file, the field or byte offset, and what was expected. */
public final class IdxFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the full message
     */
    public IdxFormatException(String message) {
        super(message);
    }
}
