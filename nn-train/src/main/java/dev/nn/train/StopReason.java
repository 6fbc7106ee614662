package dev.nn.train;

/** Why training ended. */
public enum StopReason {
    /** Every configured epoch ran. */
    COMPLETED,
    /** A listener asked to stop (early stopping, a finished schedule). */
    STOPPED,
    /** The cost or the weights became NaN or infinite. */
    DIVERGED,
    /** A stop was requested from outside (Ctrl-C); the run was saved to be resumed. */
    INTERRUPTED
}
