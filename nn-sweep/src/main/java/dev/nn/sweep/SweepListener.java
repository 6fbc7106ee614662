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

    /**
     * Where a sweep stands as a trial run finishes.
     *
     * @param done the trial runs done, this one included, those of an earlier run of the sweep too
     * @param total the trial runs of the sweep as far as known now: with successive halving at most this many;
     *     with ASHA every trial's first rung and every promotion made so far
     * @param running the trial runs going on as this is heard (the finished run's worker has already taken its
     *     next one, if there is one)
     */
    record Progress(int done, int total, int running) {
    }

    /**
     * A trial is done, ok or failed, and in the journal; with successive halving or ASHA, a trial's
     * rung. Calls {@link #trialFinished(Trial, TrialResult, int, int)} unless overridden.
     */
    default void trialFinished(Trial trial, TrialResult result, Progress progress) {
        trialFinished(trial, result, progress.done(), progress.total());
    }

    /**
     * ASHA promoted a trial from a rung to the next; the promotion is in the journal.
     *
     * @param rung the rung it goes on from, from 1
     * @param epochs the epochs of that rung
     */
    default void trialPromoted(String trial, int rung, int epochs) {
    }

    /** Successive halving decided which trials go on after a rung; the decision is in the journal. */
    default void rungDecided(RungDecision decision) {
    }
}
