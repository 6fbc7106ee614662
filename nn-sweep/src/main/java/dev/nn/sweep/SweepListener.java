package dev.nn.sweep;

/** Hears a sweep's trials; called from the worker threads, so implementations must be thread-safe. */
public interface SweepListener {

    /** A trial starts. */
    default void trialStarted(Trial trial) {
    }

    /** A trial is done, ok or failed, and in the journal. */
    default void trialFinished(Trial trial, TrialResult result, int done, int total) {
    }
}
