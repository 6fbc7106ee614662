package dev.nn.sweep;

/** A trial stopped by a signal after saving its checkpoint; the sweep records nothing for it. */
public final class TrialInterruptedException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public TrialInterruptedException(String message) {
        super(message);
    }
}
