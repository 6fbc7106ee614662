package dev.nn.train;

/** What a listener may change at the end of an epoch. */
public interface TrainingControl {

    /** Returns the learning rate the next epoch will use. */
    double eta();

    /**
     * Sets the learning rate from the next epoch on.
     *
     * @throws IllegalArgumentException unless finite and greater than 0
     */
    void setEta(double eta);

    /** Asks the trainer to stop after this epoch; the first reason given is kept. */
    void requestStop(String reason);
}
