package dev.nn.run;

/** A flag's value is wrong in a way only found while running (an unknown plugin id); exit code 2. */
public final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message one line naming the flag and what is expected
     */
    public UsageException(String message) {
        super(message);
    }
}
