package dev.nn.data.mnist;

import java.io.IOException;

/** MNIST is in none of the places searched and could not be downloaded; the message says where it looked. */
public final class MnistNotFoundException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the full message
     * @param cause why the download failed, or null
     */
    public MnistNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
