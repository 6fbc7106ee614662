package dev.nn.data.mnist;

import java.io.IOException;

/** A downloaded file's SHA-256 or size is not the published one; nothing was kept. */
public final class ChecksumMismatchException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the full message, naming the file, the expected and the found value
     */
    public ChecksumMismatchException(String message) {
        super(message);
    }
}
