package dev.nn.monitor;

/**
 * A listener whose state comes from the epochs it has seen, and which a resumed run brings back
 * by showing it the history the checkpoint kept, before training goes on.
 */
public interface Resumable {

    /** Takes in the epochs of {@code earlier}, in order, as if it had watched them. */
    void resumeWith(History earlier);
}
