package dev.nn.train;

import dev.nn.train.event.BatchDone;
import dev.nn.train.event.EpochDone;
import dev.nn.train.event.EpochStarted;
import dev.nn.train.event.TrainingFinished;
import dev.nn.train.event.TrainingStarted;

/**
 * Hears a training run; every method does nothing by default.
 *
 * <p>Order: {@code trainingStarted} once; then for every epoch {@code epochStarted}, one
 * {@code batchDone} per mini-batch (only if {@link #wantsBatches()}), {@code epochDone}; finally
 * {@code trainingFinished} once, also when training diverges. Listeners are called in the order they
 * were registered, on the training thread. An exception thrown by a listener is reported and
 * training goes on; an {@link Error} is rethrown.
 */
public interface TrainingListener {

    /** Training is about to begin. */
    default void trainingStarted(TrainingStarted event) {
    }

    /** An epoch begins. */
    default void epochStarted(EpochStarted event) {
    }

    /** A mini-batch is done; called only when {@link #wantsBatches()} is true. */
    default void batchDone(BatchDone event) {
    }

    /**
     * An epoch is done.
     *
     * @param control stops training or changes the learning rate for the next epoch
     */
    default void epochDone(EpochDone event, TrainingControl control) {
    }

    /** Training is over. */
    default void trainingFinished(TrainingFinished event) {
    }

    /** Returns true to receive {@link #batchDone} events; false (the default) spares the work. */
    default boolean wantsBatches() {
        return false;
    }
}
