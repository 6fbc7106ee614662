package dev.nn.train;

import java.io.IOException;

/**
 * Keeps a run resumable: the trainer hands it a {@link Checkpoint} after every epoch, and after
 * the mini-batch in which a stop was requested (Ctrl-C); a run started from one continues to the
 * same bits as a run never stopped.
 */
public interface Checkpoints {

    /** Saves the state of the run; called on the training thread, after the epoch's listeners. */
    void save(Checkpoint checkpoint) throws IOException;

    /** Returns true when the run should save and stop after the current mini-batch; checked after each. */
    default boolean stopRequested() {
        return false;
    }

    /** Keeps nothing and never stops a run. */
    Checkpoints NONE = checkpoint -> { };
}
