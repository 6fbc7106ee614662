package dev.nn.sweep;

/** Hears a sweep's trials; called from the worker threads, so implementations must be thread-safe. */
public interface SweepListener {

    /** A trial starts. */
    default void trialStarted(Trial trial) {
    }

    /**
     * A trial is done, ok or failed, and in the journal; with successive halving, a trial's rung.
     *
     * @param done the trial runs done, this one included
     * @param total the trial runs of the sweep (with successive halving, at most this many)
     */
    default void trialFinished(Trial trial, TrialResult result, int done, int total) {
    }

    /** Successive halving decided which trials go on after a rung; the decision is in the journal. */
    default void rungDecided(RungDecision decision) {
    }
}
